package org.sealmail.core.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealmail.core.mime.Mail.bytes;
import static org.sealmail.core.mime.Mail.text;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderFieldTest {

    @Test
    void valueIsUnfoldedAndTrimmed() {
        HeaderField field = new HeaderField(bytes("Content-Type:  text/plain;\r\n\tcharset=\"a\r\n b\"\r\n"), "Content-Type");

        assertEquals("text/plain;\tcharset=\"a b\"", field.value());
    }

    @Test
    void valueUnfoldsBareLfFolding() {
        HeaderField field = new HeaderField(bytes("Subject: one\n two\n"), "Subject");

        assertEquals("one two", field.value());
    }

    @Test
    void namesCompareWithoutCase() {
        HeaderField field = new HeaderField(bytes("content-TYPE: text/plain\r\n"), "content-TYPE");

        assertTrue(field.isNamed("Content-Type"));
        assertFalse(field.isNamed("Content-Types"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "A: 1\\r\\n                 | A: 1\\r\\n",
        "A: 1\\n                    | A: 1\\r\\n",
        "A: 1\\n two\\n\\tthree\\n  | A: 1\\r\\n two\\r\\n\\tthree\\r\\n",
        "A: 1\\r\\n two\\n          | A: 1\\r\\n two\\r\\n",
        "A: no line end            | A: no line end\\r\\n",
        "A: lone cr at end\\r      | A: lone cr at end\\r\\n",
        "A: a\\rb\\n                | A: a\\rb\\r\\n",
    })
    void canonicalFormEndsEveryLineInCrlf(String raw, String expected) throws Exception {
        HeaderField field = new HeaderField(bytes(unescape(raw)), "A");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        field.writeCanonicalTo(out);

        assertEquals(unescape(expected), text(out.toByteArray()));
    }

    private static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t");
    }
}
