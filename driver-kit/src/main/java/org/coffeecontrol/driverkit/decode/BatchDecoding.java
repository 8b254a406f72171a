package org.coffeecontrol.driverkit.decode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.coffeecontrol.api.driver.DecodeResult;
import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.driver.TelemetryBatch;

/**
 * The frame every decoder shares: an empty payload is rejected, a {@link PayloadRejected} becomes a value, and the
 * batch is decoded whole or not at all. Embedded privately by drivers like {@code org.coffeecontrol.driverkit.command}.
 */
public final class BatchDecoding {

    /** Parses a non-empty payload; throws {@link PayloadRejected} with a reason naming line or field. */
    @FunctionalInterface
    public interface Parser {
        List<MachineEvent> parse(TelemetryBatch batch) throws PayloadRejected;
    }

    private static final int SHORT_TEXT = 40;

    private BatchDecoding() {
    }

    public static DecodeResult decode(TelemetryBatch batch, Parser parser) {
        if (batch.body() == null || batch.body().length == 0) {
            return DecodeResult.rejected("empty payload");
        }
        try {
            return DecodeResult.decoded(parser.parse(batch));
        } catch (PayloadRejected r) {
            return DecodeResult.rejected(r.getMessage());
        }
    }

    /** Strict UTF-8: a malformed byte is a transmission error, not a character to guess. */
    public static String utf8(byte[] body) throws PayloadRejected {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new PayloadRejected("not UTF-8 text");
        }
    }

    /** Keeps a reason readable when the offending value is a megabyte of garbage. */
    public static String shorten(String s) {
        return s.length() <= SHORT_TEXT ? s : s.substring(0, SHORT_TEXT) + "…";
    }
}
