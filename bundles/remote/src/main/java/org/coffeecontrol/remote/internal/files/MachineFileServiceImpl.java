package org.coffeecontrol.remote.internal.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.driver.Capability;
import org.coffeecontrol.api.driver.MachineDriver;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.remote.api.MachineFileService;
import org.coffeecontrol.remote.api.Outcome;
import org.coffeecontrol.remote.api.RemoteFile;
import org.coffeecontrol.remote.api.RemoteOperationException;
import org.coffeecontrol.remote.internal.machine.Machine;
import org.coffeecontrol.remote.internal.machine.MachineGateway;
import org.coffeecontrol.remote.internal.machine.RemotePermissions;
import org.coffeecontrol.remote.internal.machine.RemoteSettings;
import org.coffeecontrol.remote.internal.transport.SshTarget;
import org.coffeecontrol.remote.internal.transport.SshTransport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RC-5 over SFTP. The path is checked twice: syntactically before connecting ({@link RemotePath}), then on the
 * machine, where every folder on the way and the file itself must not be a symbolic link, so that a link placed
 * in an allowed folder cannot lead outside it.
 */
@Component(service = MachineFileService.class)
public class MachineFileServiceImpl implements MachineFileService {

    private static final Logger LOG = LoggerFactory.getLogger(MachineFileServiceImpl.class);

    /** Upload progress is reported per chunk of this many bytes. */
    static final int PROGRESS_CHUNK = 64 * 1024;

    private final MachineGateway gateway;

    @Activate
    public MachineFileServiceImpl(@Reference MachineGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public long maxFileBytes() {
        return gateway.settings().maxFileBytes();
    }

    /** The checked machine, path and login of one file operation. */
    private record Job(Machine machine, RemotePath path, SshTarget target) {
    }

    private Job prepare(Caller caller, String serial, String path) {
        RemoteSettings settings = gateway.settings();
        RemotePermissions.require(caller, "exchange files with machines", settings.permissions().files());
        Machine m = gateway.machine(caller, serial);
        RemotePath p = RemotePath.parse(path, settings.allowedFolders());
        MachineDriver driver = gateway.requireDriver(m);
        if (!driver.info().capabilities().contains(Capability.FILES)) {
            throw new RemoteOperationException(Outcome.NOT_CONFIGURED,
                    driver.info().displayName() + " machines offer no file exchange");
        }
        return new Job(m, p, gateway.target(m));
    }

    private <T> CompletableFuture<T> sftp(Job job, SshTransport.SftpWork<T> work) {
        return gateway.transport().sftp(job.target(), gateway.settings().fileTimeout(), sftp -> {
            try {
                return work.apply(sftp);
            } catch (SftpException e) {
                throw translate(job, e);
            }
        });
    }

    @Override
    public CompletableFuture<List<RemoteFile>> list(Caller caller, String serial, String path) {
        Job job = prepare(caller, serial, path);
        return sftp(job, sftp -> {
            List<RemoteFile> out = new ArrayList<>();
            if (job.path().isRoot()) {
                for (String folder : gateway.settings().allowedFolders()) {
                    try {
                        out.add(entry(folder, folder, sftp.lstat(folder)));
                    } catch (SftpException e) {
                        if (e.getStatus() != SftpConstants.SSH_FX_NO_SUCH_FILE) {
                            throw e;
                        }
                    }
                }
                return out;
            }
            SftpClient.Attributes attrs = noLinks(sftp, job.path(), job.path().prefixes().size());
            if (!attrs.isDirectory()) {
                throw new ValidationException("path", job.path().text() + " is a file, not a folder");
            }
            for (SftpClient.DirEntry d : sftp.readDir(job.path().text())) {
                if (!d.getFilename().equals(".") && !d.getFilename().equals("..")) {
                    out.add(entry(job.path().text() + "/" + d.getFilename(), d.getFilename(), d.getAttributes()));
                }
            }
            out.sort(Comparator.comparing(RemoteFile::name));
            return out;
        });
    }

    @Override
    public CompletableFuture<byte[]> download(Caller caller, String serial, String path) {
        Job job = prepare(caller, serial, path);
        requireFile(job.path());
        long max = maxFileBytes();
        return sftp(job, sftp -> {
            SftpClient.Attributes attrs = noLinks(sftp, job.path(), job.path().prefixes().size());
            if (!attrs.isRegularFile()) {
                throw new ValidationException("path", job.path().text() + " is not a file");
            }
            if (attrs.getSize() > max) {
                throw new ValidationException("path", job.path().text() + " has " + attrs.getSize()
                        + " bytes; the limit is " + max);
            }
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (InputStream in = sftp.read(job.path().text())) {
                byte[] chunk = new byte[32 * 1024];
                for (int n; (n = in.read(chunk)) > 0;) {
                    if (buffer.size() + n > max) {
                        // it grew while we read: the limit holds all the same
                        throw new ValidationException("path", job.path().text() + " is larger than the limit of " + max);
                    }
                    buffer.write(chunk, 0, n);
                }
            }
            LOG.info("{} downloaded {} ({} bytes) from {}", caller.username(), job.path().text(), buffer.size(),
                    job.machine().serial());
            return buffer.toByteArray();
        });
    }

    @Override
    public CompletableFuture<RemoteFile> upload(Caller caller, String serial, String path, byte[] content) {
        return upload(caller, serial, path, content, written -> {
        });
    }

    @Override
    public CompletableFuture<RemoteFile> upload(Caller caller, String serial, String path, byte[] content,
            LongConsumer progress) {
        if (content == null) {
            throw new ValidationException("file", "content is required");
        }
        if (content.length > maxFileBytes()) {
            throw new ValidationException("file", content.length + " bytes; the limit is " + maxFileBytes());
        }
        Job job = prepare(caller, serial, path);
        requireFile(job.path());
        return sftp(job, sftp -> {
            RemotePath p = job.path();
            noLinks(sftp, p, p.prefixes().size() - 1);
            try {
                if (sftp.lstat(p.text()).isSymbolicLink()) {
                    throw new ValidationException("path", p.text() + " is a symbolic link; links are not followed");
                }
            } catch (SftpException e) {
                if (e.getStatus() != SftpConstants.SSH_FX_NO_SUCH_FILE) {
                    throw e;
                }
            }
            try (OutputStream out = sftp.write(p.text())) {
                for (int done = 0; done < content.length;) {
                    int n = Math.min(PROGRESS_CHUNK, content.length - done);
                    out.write(content, done, n);
                    done += n;
                    progress.accept(done);
                }
            }
            LOG.info("{} uploaded {} ({} bytes) to {}", caller.username(), p.text(), content.length,
                    job.machine().serial());
            return entry(p.text(), p.name(), sftp.lstat(p.text()));
        });
    }

    private static void requireFile(RemotePath path) {
        if (path.segments().size() < 2) {
            throw new ValidationException("path", "name a file inside one of the folders, e.g. logs/daemon.log");
        }
    }

    /** Checks the first {@code depth} prefixes of the path; returns the attributes of the last one checked. */
    private static SftpClient.Attributes noLinks(SftpClient sftp, RemotePath path, int depth) throws IOException {
        SftpClient.Attributes last = null;
        for (String prefix : path.prefixes().subList(0, depth)) {
            last = sftp.lstat(prefix);
            if (last.isSymbolicLink()) {
                throw new ValidationException("path", prefix + " is a symbolic link; links are not followed");
            }
        }
        return last;
    }

    private static RemoteFile entry(String path, String name, SftpClient.Attributes a) {
        RemoteFile.Kind kind = a.isSymbolicLink() ? RemoteFile.Kind.LINK
                : a.isDirectory() ? RemoteFile.Kind.DIRECTORY
                        : a.isRegularFile() ? RemoteFile.Kind.FILE : RemoteFile.Kind.OTHER;
        FileTime modified = a.getModifyTime();
        Instant at = modified == null ? null : modified.toInstant();
        return new RemoteFile(path, name, kind, a.getSize(), at);
    }

    private static RuntimeException translate(Job job, SftpException e) {
        if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE || e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH) {
            return new NotFoundException("File", job.path().text() + " on " + job.machine().serial());
        }
        return new RemoteOperationException(Outcome.FAILED, job.machine().serial() + " refused "
                + job.path().text() + ": " + e.getMessage());
    }
}
