package org.coffeecontrol.api.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain-text message with optional attachments and extra headers.
 *
 * <pre>{@code
 * mail.send(MailMessage.of(to, "Service act", text).attach("act-17.pdf", "application/pdf", pdf));
 * }</pre>
 *
 * @param headers extra headers such as {@code In-Reply-To}, in the order given
 */
public record MailMessage(String to, String subject, String body, List<Attachment> attachments,
        Map<String, String> headers) {

    public record Attachment(String fileName, String contentType, byte[] bytes) {
    }

    public MailMessage {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static MailMessage of(String to, String subject, String body) {
        return new MailMessage(to, subject, body, List.of(), Map.of());
    }

    public MailMessage attach(String fileName, String contentType, byte[] bytes) {
        List<Attachment> more = new ArrayList<>(attachments);
        more.add(new Attachment(fileName, contentType, bytes));
        return new MailMessage(to, subject, body, more, headers);
    }

    public MailMessage header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new MailMessage(to, subject, body, attachments, more);
    }
}
