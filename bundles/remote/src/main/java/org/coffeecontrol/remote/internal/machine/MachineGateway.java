package org.coffeecontrol.remote.internal.machine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.coffeecontrol.api.ConflictException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.driver.MachineDriver;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.remote.api.Outcome;
import org.coffeecontrol.remote.api.RemoteOperationException;
import org.coffeecontrol.remote.internal.credentials.CredentialCipher;
import org.coffeecontrol.remote.internal.credentials.CredentialStore;
import org.coffeecontrol.remote.internal.db.RemoteDatabase;
import org.coffeecontrol.remote.internal.transport.SshTarget;
import org.coffeecontrol.remote.internal.transport.SshTransport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * What every remote feature needs to reach a machine: the machine as the caller sees it, its family's driver
 * (tracked dynamically: a driver bundle may come and go), its stored login, and the shared SSH transport.
 */
@Component(service = MachineGateway.class, configurationPid = RemoteConfig.PID)
@Designate(ocd = RemoteConfig.class)
public class MachineGateway {

    private final CatalogService catalog;
    private final RemoteSettings settings;
    private final CredentialCipher cipher;
    private final CredentialStore credentials;
    private final SshTransport transport;
    private final Map<String, MachineDriver> drivers = new ConcurrentHashMap<>();

    @Activate
    public MachineGateway(@Reference CatalogService catalog, @Reference RemoteDatabase database, RemoteConfig config) {
        this.catalog = catalog;
        this.settings = RemoteSettings.from(config);
        this.cipher = CredentialCipher.fromKeyFile(keyFile(config));
        this.credentials = new CredentialStore(database.jdbc(), cipher);
        this.transport = new SshTransport(settings.transport(), credentials);
    }

    private static Path keyFile(RemoteConfig config) {
        if (!config.keyFile().isBlank()) {
            return Path.of(config.keyFile());
        }
        String data = System.getProperty("karaf.data");
        if (data == null) {
            throw new IllegalStateException("karaf.data is not set: configure keyFile in " + RemoteConfig.PID);
        }
        return Path.of(data, "coffee-remote", "credentials.key");
    }

    @Deactivate
    void deactivate() {
        transport.close();
    }

    @Reference(service = MachineDriver.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void bindDriver(MachineDriver driver, Map<String, Object> properties) {
        Object family = properties.get(MachineDriver.FAMILY_PROPERTY);
        if (family != null) {
            drivers.put(family.toString(), driver);
        }
    }

    public void unbindDriver(MachineDriver driver, Map<String, Object> properties) {
        Object family = properties.get(MachineDriver.FAMILY_PROPERTY);
        if (family != null) {
            drivers.remove(family.toString(), driver);
        }
    }

    /** Families whose driver is running, sorted. */
    public List<String> families() {
        return drivers.keySet().stream().sorted().toList();
    }

    public RemoteSettings settings() {
        return settings;
    }

    public SshTransport transport() {
        return transport;
    }

    /** The key that seals every stored machine secret (SSH and VNC passwords). */
    public CredentialCipher cipher() {
        return cipher;
    }

    public CredentialStore credentials() {
        return credentials;
    }

    public CatalogService catalog() {
        return catalog;
    }

    /**
     * The machine with exactly this serial among those the caller may see.
     *
     * @throws NotFoundException when there is none (or the caller may not see it)
     */
    public Machine machine(Caller caller, String serial) {
        if (serial == null || serial.isBlank() || serial.length() > 100) {
            throw new ValidationException("serial", "a machine's serial number is required");
        }
        String s = serial.strip();
        List<Equipment> hits = catalog.equipment(caller, new CatalogQuery(s, null, null, null, null, PageRequest.all()))
                .items().stream().filter(e -> s.equals(e.serialNumber())).toList();
        if (hits.isEmpty()) {
            throw new NotFoundException("Machine", s);
        }
        if (hits.size() > 1) {
            throw new ConflictException("serial " + s + " belongs to " + hits.size() + " machines of different "
                    + "families; rename one in the catalogue");
        }
        Equipment e = hits.get(0);
        return new Machine(e, catalog.model(caller, e.modelId()));
    }

    /** The driver of the machine's family, if its bundle is running. */
    public Optional<MachineDriver> driver(Machine machine) {
        return Optional.ofNullable(machine.family()).map(drivers::get);
    }

    public MachineDriver requireDriver(Machine machine) {
        return driver(machine).orElseThrow(() -> new RemoteOperationException(Outcome.NOT_CONFIGURED,
                "no driver for the " + machine.family() + " family of " + machine.serial() + " is running"));
    }

    /** Where and how to log in; a machine without host or login is not configured, not a transport failure. */
    public SshTarget target(Machine machine) {
        String host = machine.equipment().host();
        if (host == null || host.isBlank()) {
            throw new RemoteOperationException(Outcome.NOT_CONFIGURED,
                    machine.serial() + " has no host: set its IP address or host name in the catalogue");
        }
        CredentialStore.Credentials login = credentials.load(machine.id()).orElseThrow(
                () -> new RemoteOperationException(Outcome.NOT_CONFIGURED, "no SSH login stored for "
                        + machine.serial() + ": set it with coffee:credentials or PUT .../credentials"));
        return new SshTarget(machine.id(), machine.serial(), host.strip(), machine.port(), login.username(),
                login.password());
    }
}
