package org.coffeecontrol.remote.api;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

import org.coffeecontrol.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * File exchange with a machine over SFTP (RC-5), limited to its allowed folders (by default {@code promo},
 * {@code logs}, {@code settings}). Paths are relative, use {@code /}, and may not contain {@code ..}; symbolic links
 * are never followed. A refused path is a {@link org.coffeecontrol.api.ValidationException} naming {@code path};
 * transport failures complete the future with a {@link RemoteOperationException}.
 */
@ProviderType
public interface MachineFileService {

    /** The folder's entries; the empty path lists the allowed folders. */
    CompletableFuture<List<RemoteFile>> list(Caller caller, String serial, String path);

    CompletableFuture<byte[]> download(Caller caller, String serial, String path);

    /** Writes (or replaces) the file; the folder must exist. */
    CompletableFuture<RemoteFile> upload(Caller caller, String serial, String path, byte[] content);

    /**
     * {@link #upload} that tells {@code progress} how many bytes have reached the machine so far, from the transport's
     * thread, chunk by chunk (the last call reports the whole size): a large file shows its progress.
     *
     * @since 1.3
     */
    default CompletableFuture<RemoteFile> upload(Caller caller, String serial, String path, byte[] content,
            LongConsumer progress) {
        return upload(caller, serial, path, content);
    }

    /** The largest file accepted or delivered, in bytes. */
    long maxFileBytes();
}
