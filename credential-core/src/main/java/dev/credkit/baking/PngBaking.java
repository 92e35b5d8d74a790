package dev.credkit.baking;

import dev.credkit.core.CredentialException;
import dev.credkit.core.ProblemCode;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * PNG baking per Open Badges 3.0: one uncompressed {@code iTXt} chunk with the keyword
 * {@code openbadgecredential}, placed before {@code IEND}. Parsing is strict: signature, chunk
 * lengths, chunk types, every CRC, IHDR first, IEND last with nothing after it.
 */
final class PngBaking {
    static final String KEYWORD = "openbadgecredential";
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] ITXT = {'i', 'T', 'X', 't'};

    /** One chunk's position in the file. */
    private record Chunk(String type, int start, int dataStart, int length) {
        int end() {
            return dataStart + length + 4;
        }
    }

    private PngBaking() {
    }

    static byte[] bake(byte[] png, String text) throws CredentialException {
        List<Chunk> chunks = parse(png);
        if (!credentialChunks(png, chunks).isEmpty()) {
            throw new CredentialException(ProblemCode.ALREADY_BAKED, "the PNG already carries an openbadgecredential");
        }
        Chunk iend = chunks.get(chunks.size() - 1);
        byte[] chunk = itxtChunk(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + chunk.length);
        out.write(png, 0, iend.start());
        out.write(chunk, 0, chunk.length);
        out.write(png, iend.start(), png.length - iend.start());
        return out.toByteArray();
    }

    /** The text of the one openbadgecredential chunk, or null when there is none. */
    static String unbake(byte[] png) throws CredentialException {
        List<Chunk> chunks = parse(png);
        List<Chunk> found = credentialChunks(png, chunks);
        if (found.isEmpty()) {
            return null;
        }
        if (found.size() > 1) {
            throw malformed("the PNG carries " + found.size() + " openbadgecredential chunks; exactly one is allowed");
        }
        Chunk c = found.get(0);
        int p = c.dataStart() + KEYWORD.length() + 1;
        int end = c.dataStart() + c.length();
        if (p + 2 > end) {
            throw malformed("truncated iTXt chunk");
        }
        int compressionFlag = png[p] & 0xff;
        int compressionMethod = png[p + 1] & 0xff;
        if (compressionFlag != 0 || compressionMethod != 0) {
            throw malformed("the openbadgecredential iTXt chunk is compressed; Open Badges requires it uncompressed");
        }
        p += 2;
        p = skipNulTerminated(png, p, end, "language tag");
        p = skipNulTerminated(png, p, end, "translated keyword");
        return utf8(png, p, end - p);
    }

    private static List<Chunk> credentialChunks(byte[] png, List<Chunk> chunks) {
        List<Chunk> out = new ArrayList<>(1);
        byte[] keyword = (KEYWORD + "\0").getBytes(StandardCharsets.ISO_8859_1);
        for (Chunk c : chunks) {
            if (c.type().equals("iTXt") && c.length() >= keyword.length
                    && ImageFormat.startsWith(png, keyword, c.dataStart())) {
                out.add(c);
            }
        }
        return out;
    }

    static List<Chunk> parse(byte[] png) throws CredentialException {
        if (png.length < SIGNATURE.length || !ImageFormat.startsWith(png, SIGNATURE, 0)) {
            throw malformed("not a PNG (bad signature)");
        }
        List<Chunk> chunks = new ArrayList<>();
        int pos = SIGNATURE.length;
        CRC32 crc = new CRC32();
        while (true) {
            if (png.length - pos < 12) {
                throw malformed(chunks.isEmpty() ? "PNG has no chunks" : "truncated PNG chunk");
            }
            long length = readUint32(png, pos);
            if (length > png.length - pos - 12L) {
                throw malformed("truncated PNG chunk");
            }
            for (int i = 4; i < 8; i++) {
                int b = png[pos + i] & 0xff;
                if (!((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z'))) {
                    throw malformed("invalid PNG chunk type");
                }
            }
            String type = new String(png, pos + 4, 4, StandardCharsets.US_ASCII);
            int dataStart = pos + 8;
            crc.reset();
            crc.update(png, pos + 4, 4 + (int) length);
            if (crc.getValue() != readUint32(png, dataStart + (int) length)) {
                throw malformed("bad CRC in PNG chunk " + type);
            }
            Chunk chunk = new Chunk(type, pos, dataStart, (int) length);
            if (chunks.isEmpty() && !(type.equals("IHDR") && length == 13)) {
                throw malformed("PNG does not start with IHDR");
            }
            chunks.add(chunk);
            pos = chunk.end();
            if (type.equals("IEND")) {
                if (pos != png.length) {
                    throw malformed("data after the PNG IEND chunk");
                }
                return chunks;
            }
        }
    }

    private static byte[] itxtChunk(String text) {
        byte[] keyword = KEYWORD.getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        int length = keyword.length + 5 + body.length;
        ByteBuffer buf = ByteBuffer.allocate(length + 12);
        buf.putInt(length);
        buf.put(ITXT);
        buf.put(keyword).put((byte) 0); // keyword, NUL
        buf.put((byte) 0).put((byte) 0); // compression flag 0 (uncompressed), method 0
        buf.put((byte) 0); // empty language tag, NUL
        buf.put((byte) 0); // empty translated keyword, NUL
        buf.put(body);
        CRC32 crc = new CRC32();
        crc.update(buf.array(), 4, 4 + length);
        buf.putInt((int) crc.getValue());
        return buf.array();
    }

    private static int skipNulTerminated(byte[] data, int from, int end, String what) throws CredentialException {
        for (int i = from; i < end; i++) {
            if (data[i] == 0) {
                return i + 1;
            }
        }
        throw malformed("iTXt " + what + " is not terminated");
    }

    private static String utf8(byte[] data, int offset, int length) throws CredentialException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("the baked credential is not valid UTF-8");
        }
    }

    private static long readUint32(byte[] b, int pos) {
        return ((long) (b[pos] & 0xff) << 24) | ((b[pos + 1] & 0xff) << 16) | ((b[pos + 2] & 0xff) << 8)
                | (b[pos + 3] & 0xff);
    }

    private static CredentialException malformed(String message) {
        return new CredentialException(ProblemCode.MALFORMED, message);
    }
}
