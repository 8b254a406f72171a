package org.coffeecontrol.simulator.platform;

/** Delivers one encoded batch; never throws for network or server trouble, which are {@link UploadResult}s. */
public interface TelemetryTransport {

    UploadResult post(String family, String serial, String secret, String contentType, byte[] body);

    /**
     * Reports the outcome of a job the platform handed out with a batch answer
     * ({@code POST /api/telemetry/{family}/{serial}/jobs/{jobId}/result?status=ok|failed}).
     *
     * @return {@link UploadResult.Stored} once the platform took it
     */
    default UploadResult postJobResult(String family, String serial, String secret, String jobId, boolean ok,
            byte[] body) {
        return new UploadResult.Failed("this transport cannot report job results");
    }
}
