package dev.credkit.ob;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerificationCodeTest {

    @Test
    void alphabetHasNoAmbiguousSymbols() {
        assertThat(VerificationCode.ALPHABET).hasSize(30).doesNotContain("0", "O", "1", "I", "L", "U");
        assertThat(VerificationCode.ALPHABET.chars().distinct().count()).isEqualTo(30);
        // at least 60 bits of randomness
        assertThat(VerificationCode.RANDOM_SYMBOLS * Math.log(30) / Math.log(2)).isGreaterThan(60);
    }

    @RepeatedTest(20)
    void generatedCodesParseBackInAnyCaseAndSpacing() throws Exception {
        VerificationCode code = VerificationCode.generate(new SecureRandom());
        assertThat(code.display()).matches("[2-9A-Z]{5}-[2-9A-Z]{5}-[2-9A-Z]{5}");
        assertThat(VerificationCode.parse(code.display())).isEqualTo(code);
        assertThat(VerificationCode.parse(code.value().toLowerCase())).isEqualTo(code);
        String spaced = " " + code.display().replace("-", " ").toLowerCase() + " ";
        assertThat(VerificationCode.parse(spaced)).isEqualTo(code);
        assertThat(code.toString()).isEqualTo(code.display());
    }

    @Test
    void codesAreDistinct() {
        SecureRandom r = new SecureRandom();
        Set<VerificationCode> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(VerificationCode.generate(r))).isTrue();
        }
    }

    @Test
    void everySingleSubstitutionIsDetected() throws Exception {
        SecureRandom r = Fixtures.random();
        for (int n = 0; n < 50; n++) {
            String code = VerificationCode.generate(r).value();
            for (int pos = 0; pos < code.length(); pos++) {
                for (char c : VerificationCode.ALPHABET.toCharArray()) {
                    if (c == code.charAt(pos)) {
                        continue;
                    }
                    String typo = code.substring(0, pos) + c + code.substring(pos + 1);
                    assertThatThrownBy(() -> VerificationCode.parse(typo))
                            .as(typo).hasMessageContaining("check character does not match");
                }
            }
        }
    }

    @Test
    void everyAdjacentTranspositionIsDetected() throws Exception {
        SecureRandom r = Fixtures.random();
        for (int n = 0; n < 200; n++) {
            String code = VerificationCode.generate(r).value();
            for (int pos = 0; pos + 1 < code.length(); pos++) {
                if (code.charAt(pos) == code.charAt(pos + 1)) {
                    continue;
                }
                String swapped = code.substring(0, pos) + code.charAt(pos + 1) + code.charAt(pos)
                        + code.substring(pos + 2);
                assertThat(VerificationCode.isValid(swapped)).as(swapped).isFalse();
            }
        }
    }

    @Test
    void clearErrors() {
        assertThatThrownBy(() -> VerificationCode.parse("ABCD"))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.MALFORMED))
                .hasMessageContaining("must have 15 characters, got 4");
        assertThatThrownBy(() -> VerificationCode.parse("7KQ4M-XW9RT-HC3P0"))
                .hasMessageContaining("contains '0'").hasMessageContaining("never use 0, O, 1, I or L");
        assertThatThrownBy(() -> VerificationCode.parse("7KQ4M-XW9RT-HC3P#")).hasMessageContaining("contains '#'");
        assertThatThrownBy(() -> VerificationCode.parse(null)).hasMessageContaining("missing");
        assertThatThrownBy(() -> VerificationCode.parse("A".repeat(100))).hasMessageContaining("too long");
        assertThatThrownBy(() -> VerificationCode.parse("7KQ4M-XW9RT-HC3P\u00e9")).hasMessageContaining("U+00E9");
    }

    @Test
    void checkSymbolIsTheWeightedSumModulo31() throws Exception {
        // '2' has value 0: an all-'2' random part sums to 0, whose symbol is '2'
        assertThat(VerificationCode.parse("22222-22222-22222").value()).isEqualTo("222222222222222");
        // '3' (value 1) at position 14 (weight 14) gives 14, the symbol 'G'
        assertThat(VerificationCode.ALPHABET.charAt(14)).isEqualTo('G');
        assertThat(VerificationCode.isValid("22222222222223G")).isTrue();
        assertThat(VerificationCode.isValid("22222222222223H")).isFalse();
        // a random part whose sum is 30 has no check symbol: no code ends that way
        int[] digits = new int[VerificationCode.RANDOM_SYMBOLS];
        digits[1] = 15; // 2 * 15 = 30
        assertThat(VerificationCode.checkValue(digits, digits.length)).isEqualTo(30);
    }
}
