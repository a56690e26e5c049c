package org.sealmail.core.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParameterizedValueTest {

    @Test
    void readsTypeAndParameters() {
        ParameterizedValue v = parse("text/plain; charset=utf-8; format=flowed");

        assertEquals("text/plain", v.value());
        assertEquals(Map.of("charset", "utf-8", "format", "flowed"), v.parameters());
    }

    @Test
    void lowerCasesTheTypeAndParameterNamesButNotValues() {
        ParameterizedValue v = parse("Application/PKCS7-MIME; NAME=\"Smime.P7M\"");

        assertEquals("application/pkcs7-mime", v.value());
        assertEquals(Optional.of("Smime.P7M"), v.parameter("Name"));
    }

    @Test
    void readsAValueWithoutASlashForContentDisposition() {
        ParameterizedValue v = parse("attachment; filename=report.pdf");

        assertEquals("attachment", v.value());
        assertEquals(Optional.of("report.pdf"), v.parameter("filename"));
    }

    @Test
    void quotedStringsKeepSemicolonsAndLoseBackslashes() {
        ParameterizedValue v = parse("attachment; filename=\"a;b \\\"c\\\".p7m\"; size=3");

        assertEquals(Optional.of("a;b \"c\".p7m"), v.parameter("filename"));
        assertEquals(Optional.of("3"), v.parameter("size"));
    }

    @Test
    void skipsCommentsAndWhitespaceEverywhere() {
        ParameterizedValue v = parse("(lead) text (a (nested) comment) / (x) plain ; (c) charset (d) = (e) us-ascii (f)");

        assertEquals("text/plain", v.value());
        assertEquals(Optional.of("us-ascii"), v.parameter("charset"));
    }

    @Test
    void aValueLookingLikeATypeInsideACommentIsIgnored() {
        ParameterizedValue v = parse("text/plain (application/pkcs7-mime; name=x.p7m)");

        assertEquals("text/plain", v.value());
        assertTrue(v.parameters().isEmpty());
    }

    @Test
    void readsUnfoldedValuesWithTabs() {
        ParameterizedValue v = parse("multipart/mixed;\tboundary=\"b1\"");

        assertEquals(Optional.of("b1"), v.parameter("boundary"));
    }

    @Test
    void aMalformedParameterDoesNotHideTheNextOne() {
        ParameterizedValue v = parse("application/octet-stream; garbage \"x;y\"; =novalue; name=smime.p7m");

        assertEquals(Optional.of("smime.p7m"), v.parameter("name"));
    }

    @Test
    void toleratesATrailingSemicolon() {
        assertEquals(Map.of("a", "1"), parse("x/y; a=1;").parameters());
    }

    @Test
    void theFirstOfARepeatedParameterCounts() {
        assertEquals(Optional.of("1"), parse("x/y; a=1; A=2").parameter("a"));
    }

    @Test
    void decodesRfc2231ExtendedValues() {
        ParameterizedValue v = parse("attachment; filename*=UTF-8''%E2%82%AC%20rates.p7m");

        assertEquals(Optional.of("\u20ac rates.p7m"), v.parameter("filename"));
    }

    @Test
    void joinsRfc2231ContinuationsInNumberOrder() {
        ParameterizedValue v = parse("attachment; filename*1=\"ime.\"; filename*0=\"sm\"; filename*2*=p7%6D");

        assertEquals(Optional.of("smime.p7m"), v.parameter("filename"));
    }

    @Test
    void rfc2231FormWinsOverThePlainOne() {
        ParameterizedValue v = parse("attachment; filename=\"fallback.txt\"; filename*=''smime.p7s");

        assertEquals(Optional.of("smime.p7s"), v.parameter("filename"));
    }

    @Test
    void aGapInRfc2231ContinuationsEndsTheValue() {
        ParameterizedValue v = parse("x/y; n*0=a; n*1=b; n*3=d");

        assertEquals(Optional.of("ab"), v.parameter("n"));
    }

    @Test
    void anUnknownRfc2231CharsetFallsBackToLatin1() {
        ParameterizedValue v = parse("x/y; n*=no-such-charset'en'caf%E9");

        assertEquals(Optional.of("caf\u00e9"), v.parameter("n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "(only a comment)", "text/", "/plain", ";charset=utf-8", "\"quoted\""})
    void noLeadingTokenMeansNoValue(String text) {
        assertEquals(Optional.empty(), ParameterizedValue.parse(text));
    }

    private static ParameterizedValue parse(String text) {
        return ParameterizedValue.parse(text).orElseThrow();
    }
}
