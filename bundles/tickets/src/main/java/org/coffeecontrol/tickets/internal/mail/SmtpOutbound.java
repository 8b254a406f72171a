package org.coffeecontrol.tickets.internal.mail;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/** The platform's SMTP server as a service of this bundle: exists only while {@code org.coffeecontrol.mail} does. */
@Component(service = SmtpOutbound.class, configurationPid = SmtpConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class SmtpOutbound {

    private final Outbox outbox;

    @Activate
    public SmtpOutbound(SmtpConfig c) {
        this(new Outbox(new Outbox.Settings(c.host(), c.port(), c.from(), c.username(), c.password(), c.startTls(),
                c.ssl(), c.timeoutMillis())));
    }

    public SmtpOutbound(Outbox outbox) {
        this.outbox = outbox;
    }

    /** @return the Message-ID it went out with */
    public String send(String to, String subject, String body, List<Outbox.Attachment> attachments,
            String... headers) {
        return outbox.send(to, subject, body, attachments, headers);
    }
}
