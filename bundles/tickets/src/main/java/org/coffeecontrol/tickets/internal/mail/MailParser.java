package org.coffeecontrol.tickets.internal.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;

/**
 * Turns a MIME message into an {@link IncomingMail}: the plain-text body (or the HTML one stripped of tags), the
 * threading headers and the attachments. Never throws for odd content: what cannot be read becomes empty text, so
 * the mail still reaches triage.
 */
public final class MailParser {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    /** Attachments beyond this are dropped (and said so in the body): a mailbox must not fill the database. */
    static final int MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

    private MailParser() {
    }

    public static IncomingMail parse(Message m) throws MessagingException {
        String from = null;
        String fromName = null;
        Address[] senders = m.getFrom();
        if (senders != null && senders.length > 0 && senders[0] instanceof InternetAddress ia) {
            from = ia.getAddress() == null ? null : ia.getAddress().toLowerCase(java.util.Locale.ROOT);
            fromName = ia.getPersonal();
        }
        String subject = m.getSubject() == null ? "" : m.getSubject().strip();
        Instant sent = m.getSentDate() != null ? m.getSentDate().toInstant()
                : m.getReceivedDate() != null ? m.getReceivedDate().toInstant() : null;
        List<String> refs = new ArrayList<>();
        addIds(refs, m.getHeader("In-Reply-To"));
        addIds(refs, m.getHeader("References"));
        StringBuilder plain = new StringBuilder();
        StringBuilder html = new StringBuilder();
        List<IncomingMail.Attachment> attachments = new ArrayList<>();
        walk(m, plain, html, attachments, 0);
        String body = plain.length() > 0 ? plain.toString() : stripHtml(html.toString());
        String[] ids = m.getHeader("Message-ID");
        String messageId = ids != null && ids.length > 0 && !ids[0].isBlank() ? ids[0].strip()
                : synthetic(from, sent, subject, body);
        return new IncomingMail(messageId, refs, from, fromName, subject, body.strip(), sent, attachments);
    }

    private static void addIds(List<String> into, String[] header) {
        if (header == null) {
            return;
        }
        for (String h : header) {
            Matcher matcher = MESSAGE_ID.matcher(h);
            while (matcher.find()) {
                if (!into.contains(matcher.group())) {
                    into.add(matcher.group());
                }
            }
        }
    }

    private static void walk(Part part, StringBuilder plain, StringBuilder html,
            List<IncomingMail.Attachment> attachments, int depth) {
        try {
            if (depth > 10) {
                return;
            }
            String disposition = part.getDisposition();
            boolean attached = Part.ATTACHMENT.equalsIgnoreCase(disposition) || part.getFileName() != null;
            if (part.isMimeType("multipart/*")) {
                Multipart mp = (Multipart) part.getContent();
                for (int i = 0; i < mp.getCount(); i++) {
                    BodyPart bp = mp.getBodyPart(i);
                    walk(bp, plain, html, attachments, depth + 1);
                }
            } else if (!attached && part.isMimeType("text/plain")) {
                plain.append(text(part)).append('\n');
            } else if (!attached && part.isMimeType("text/html")) {
                html.append(text(part)).append('\n');
            } else if (attached) {
                try (InputStream in = part.getInputStream()) {
                    byte[] bytes = in.readNBytes(MAX_ATTACHMENT_BYTES + 1);
                    if (bytes.length > MAX_ATTACHMENT_BYTES) {
                        plain.append("\n[attachment ").append(part.getFileName()).append(" over 10 MB dropped]\n");
                    } else {
                        String type = part.getContentType() == null ? "application/octet-stream"
                                : part.getContentType().split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
                        attachments.add(new IncomingMail.Attachment(part.getFileName(), type, bytes));
                    }
                }
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            plain.append("\n[unreadable part: ").append(e.getMessage()).append("]\n");
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String s) {
            return s;
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String stripHtml(String html) {
        String noScripts = html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ");
        String text = TAG.matcher(noScripts.replaceAll("(?i)<br\\s*/?>|</p>|</div>", "\n")).replaceAll(" ");
        return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&amp;", "&").replaceAll("[ \\t]+", " ");
    }

    private static String synthetic(String from, Instant sent, String subject, String body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.valueOf(from).getBytes(StandardCharsets.UTF_8));
            sha.update(String.valueOf(sent).getBytes(StandardCharsets.UTF_8));
            sha.update(subject.getBytes(StandardCharsets.UTF_8));
            sha.update(body.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(sha.digest(), 0, 16) + "@synthetic.coffee-control>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
