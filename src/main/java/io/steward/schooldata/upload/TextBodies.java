package io.steward.schooldata.upload;

import io.steward.schooldata.RowErrors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Opens a text upload as strict UTF-8 (bad bytes are an error, never replaced), minus a BOM. */
final class TextBodies {

    private TextBodies() {}

    static BufferedReader open(InputStream body) throws IOException {
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, decoder));
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    static RuntimeException unreadable(String format) {
        return RowErrors.body("is not well-formed UTF-8 " + format);
    }
}
