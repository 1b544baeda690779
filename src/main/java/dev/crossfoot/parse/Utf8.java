package dev.crossfoot.parse;

import dev.crossfoot.model.InputException;
import dev.crossfoot.model.SourceLocation;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding that says where a file stops being UTF-8. */
final class Utf8 {

    private Utf8() {
    }

    /** Decodes, or fails naming the byte offset, the line and the byte found. */
    static String decode(byte[] bytes, String shown) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return d.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw notUtf8(bytes, shown);
        }
    }

    /** The error for a file that is not UTF-8, locating the first bad byte. */
    static InputException notUtf8(byte[] bytes, String shown) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult r = d.decode(in, out, true);
            if (r.isError()) {
                int offset = in.position();
                if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                        || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
                    return new InputException(SourceLocation.of(shown), "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8");
                }
                int line = 1;
                for (int i = 0; i < offset; i++) {
                    if (bytes[i] == '\n') {
                        line++;
                    }
                }
                return new InputException(SourceLocation.of(shown, line), String.format(
                        "not valid UTF-8: byte 0x%02X at byte offset %d; save the file as UTF-8", bytes[offset] & 0xFF, offset));
            }
            if (r.isOverflow()) {
                out.clear();
                continue;
            }
            return new InputException(SourceLocation.of(shown), "not valid UTF-8; save the file as UTF-8");
        }
    }
}
