package dev.credkit.signing.status;

import dev.credkit.status.StatusPurpose;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Child process of {@link StatusStoreCrashTest}: allocates and updates in a tight loop until it
 * is killed, printing one line after each operation has been committed:
 * {@code ALLOC <url> <index>}, {@code SET <url> <index> <value>}.
 */
public final class StatusStoreCrashChild {
    static final String REVOCATION = "https://issuer.example/crash/revocation";
    static final String SUSPENSION = "https://issuer.example/crash/suspension";

    private StatusStoreCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, "UTF-8");
        try (FileStatusListStore store = FileStatusListStore.open(Path.of(args[0]))) {
            StatusListManager m = StatusListManager.builder().store(store).random(new SecureRandom())
                    .clock(Clock.systemUTC()).build();
            if (m.state(REVOCATION).isEmpty()) {
                m.create(StatusListConfig.builder(REVOCATION, StatusPurpose.REVOCATION).build());
                m.create(StatusListConfig.builder(SUSPENSION, StatusPurpose.SUSPENSION).build());
            }
            out.println("READY");
            for (long i = 0; ; i++) {
                int r = (int) m.allocate(REVOCATION).statusListIndex();
                out.println("ALLOC " + REVOCATION + " " + r);
                if (i % 2 == 0) {
                    m.revoke(REVOCATION, r);
                    out.println("SET " + REVOCATION + " " + r + " 1");
                }
                int s = (int) m.allocate(SUSPENSION).statusListIndex();
                out.println("ALLOC " + SUSPENSION + " " + s);
                m.suspend(SUSPENSION, s);
                out.println("SET " + SUSPENSION + " " + s + " 1");
                if (i % 3 == 0) {
                    m.reinstate(SUSPENSION, s);
                    out.println("SET " + SUSPENSION + " " + s + " 0");
                }
            }
        }
    }
}
