package org.coffeecontrol.remote.internal.machine;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.coffeecontrol.remote.cfg}. Role lists are comma-separated role names; ADMIN may always. */
@ObjectClassDefinition(name = "Coffee Control remote control", description = "SSH/SFTP access to machines: roles, timeouts, limits")
public @interface RemoteConfig {

    String PID = "org.coffeecontrol.remote";

    @AttributeDefinition(description = "Roles that may run commands that only read (connection test, screen, last drinks)")
    String readCommandRoles() default "OPERATOR,TECH_SUPPORT";

    @AttributeDefinition(description = "Roles that may run commands that change the machine (reboot, PIN, ...)")
    String changeCommandRoles() default "TECH_SUPPORT";

    @AttributeDefinition(description = "Per-command overrides, e.g. 'reboot=OPERATOR|TECH_SUPPORT, pin-on=TECH_SUPPORT'")
    String commandRoles() default "";

    @AttributeDefinition(description = "Roles that may run SQL on machines and keep stored queries")
    String sqlRoles() default "TECH_SUPPORT";

    @AttributeDefinition(description = "Roles that may list, download and upload machine files")
    String fileRoles() default "TECH_SUPPORT";

    @AttributeDefinition(description = "Roles that may set machine credentials and see access data")
    String credentialRoles() default "TECH_SUPPORT";

    @AttributeDefinition(description = "Roles that may read machine recipes, recipe cards and run the drift check")
    String recipeReadRoles() default "OPERATOR,TECH_SUPPORT";

    @AttributeDefinition(description = "Roles that may write recipes and bring a machine back to its client's card")
    String recipeWriteRoles() default "TECH_SUPPORT";

    @AttributeDefinition(description = "Roles that may change a client's approved recipe card")
    String recipeCardRoles() default "TECH_SUPPORT,SERVICE_ADMIN";

    @AttributeDefinition(description = "Roles that may see a machine's VNC host and port")
    String screenRoles() default "OPERATOR,TECH_SUPPORT";

    @AttributeDefinition(description = "Roles that see the VNC password (and may set VNC data)")
    String screenPasswordRoles() default "TECH_SUPPORT";

    @AttributeDefinition(description = "Machines whose recipes a drift check reads at once")
    int driftParallelism() default 8;

    @AttributeDefinition(description = "TCP connect, key exchange and login, in milliseconds")
    int connectTimeoutMillis() default 5000;

    @AttributeDefinition(description = "Upper bound of a command's run time in seconds (a driver may ask for less)")
    int commandTimeoutSeconds() default 30;

    int sqlTimeoutSeconds() default 20;

    @AttributeDefinition(description = "Rows kept of an SQL result when the caller asks for none or more")
    int sqlMaxRows() default 200;

    int fileTimeoutSeconds() default 120;

    long maxFileBytes() default 10L * 1024 * 1024;

    @AttributeDefinition(description = "Top-level folders of a machine's SFTP root that file exchange may touch")
    String allowedFolders() default "promo,logs,settings";

    @AttributeDefinition(description = "SSH sessions open at once for the whole platform")
    int maxSessions() default 16;

    @AttributeDefinition(description = "Operations in flight per machine; more are refused as busy")
    int maxPerMachine() default 2;

    int maxQueued() default 256;

    @AttributeDefinition(description = "Seconds a machine's SSH session stays open for its next command; 0 = log in for every command")
    int sessionIdleSeconds() default 30;

    @AttributeDefinition(description = "Bytes of stdout/stderr kept per command")
    int maxOutputBytes() default 65536;

    @AttributeDefinition(description = "AES key for stored passwords; empty = ${karaf.data}/coffee-remote/credentials.key")
    String keyFile() default "";

    @AttributeDefinition(description = "Root of the machines' home folders Data/<equipment type>/<serial> for deferred "
            + "SQL files; empty = ${karaf.data}/Data")
    String deferredRoot() default "";

    @AttributeDefinition(description = "Seconds after which a deferred query handed out without a result is handed out again")
    int deferredRedeliverSeconds() default 120;

    @AttributeDefinition(description = "Roles that may distribute promo images and read the send logs")
    String promoRoles() default "TECH_SUPPORT";

    @AttributeDefinition(description = "Promo image transfers running at once (bounded by maxSessions)")
    int promoParallel() default 16;

    @AttributeDefinition(description = "Upper bound of one promo image transfer in seconds (after the connect timeout)")
    int promoTimeoutSeconds() default 15;

    @AttributeDefinition(description = "A machine whose daemon has not called home for this many seconds is skipped as "
            + "offline and served when it calls again")
    int promoOfflineAfterSeconds() default 600;

    @AttributeDefinition(description = "Where sent promo images are kept; empty = ${karaf.data}/coffee-remote/promo")
    String promoStore() default "";
}
