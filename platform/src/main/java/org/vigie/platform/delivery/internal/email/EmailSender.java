package org.vigie.platform.delivery.internal.email;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.NamedInterface;
import org.vigie.platform.citizen.NotificationChannel;
import org.vigie.platform.delivery.ChannelSender;
import org.vigie.platform.delivery.OutgoingMessage;
import org.vigie.platform.delivery.SendOutcome;

/**
 * E-mail through Spring's mail support (Jakarta Mail over Angus Mail), on a few SMTP connections
 * kept open and each reused for many messages: a new connection per message manages ~20
 * messages/s, a pool of reused ones thousands. A batch is split among the connections, which send
 * in parallel. Each message carries its idempotency key: as {@code X-Vigie-Idempotency-Key}, and as
 * its {@code Message-ID} (a name-based UUID of the key), so a resend after a crash is the same message.
 */
@NamedInterface("senders")
public final class EmailSender implements ChannelSender, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(EmailSender.class);
    public static final String KEY_HEADER = "X-Vigie-Idempotency-Key";

    private final JavaMailSenderImpl mail;
    private final InternetAddress from;
    private final String domain;
    private final BlockingQueue<Transport> idle;
    private final ExecutorService workers;
    private final int connections;
    private final Map<Content, byte[]> templates = new ConcurrentHashMap<>();

    public EmailSender(JavaMailSenderImpl mail, String from, int connections) {
        this.mail = mail;
        try {
            this.from = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("vigie.delivery.from is not an e-mail address: " + from, e);
        }
        String address = this.from.getAddress();
        this.domain = address.substring(address.indexOf('@') + 1);
        this.connections = connections;
        this.idle = new ArrayBlockingQueue<>(connections);
        this.workers = Executors.newFixedThreadPool(connections, r -> {
            Thread t = new Thread(r, "smtp-" + UUID.randomUUID().toString().substring(0, 4));
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.EMAIL;
    }

    @Override
    public List<SendOutcome> send(List<OutgoingMessage> messages) {
        SendOutcome[] outcomes = new SendOutcome[messages.size()];
        int parts = Math.min(connections, Math.max(1, messages.size()));
        List<Future<?>> running = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            int part = p;
            running.add(workers.submit(() -> sendPart(messages, outcomes, part, parts)));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending e-mails", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("sending e-mails failed", e.getCause());
            }
        }
        return List.of(outcomes);
    }

    /** Sends messages part, part + parts, ... on one pooled connection. */
    private void sendPart(List<OutgoingMessage> messages, SendOutcome[] outcomes, int part, int parts) {
        Transport transport = idle.poll();
        // one NOOP per batch: a connection the server dropped while idle is opened again
        if (transport != null && !transport.isConnected()) transport = close(transport);
        try {
            for (int i = part; i < messages.size(); i += parts) {
                OutgoingMessage m = messages.get(i);
                MimeMessage mime;
                try {
                    mime = mime(m);
                } catch (AddressException e) {
                    outcomes[i] = SendOutcome.addressInvalid("not an e-mail address: " + e.getMessage());
                    continue;
                } catch (MessagingException e) {
                    outcomes[i] = SendOutcome.rejected("could not build the message: " + e.getMessage());
                    continue;
                }
                try {
                    if (transport == null) transport = connect();
                    transport.sendMessage(mime, mime.getAllRecipients());
                    outcomes[i] = SendOutcome.sent();
                } catch (MessagingException e) {
                    outcomes[i] = classify(e);
                    if (outcomes[i].kind() == SendOutcome.Kind.RETRY) transport = close(transport);
                }
            }
        } finally {
            if (transport != null && !idle.offer(transport)) close(transport);
        }
    }

    private Transport connect() throws MessagingException {
        Session session = mail.getSession();
        Transport transport = session.getTransport(mail.getProtocol() == null ? "smtp" : mail.getProtocol());
        transport.connect(mail.getHost(), mail.getPort(), mail.getUsername(), mail.getPassword());
        return transport;
    }

    /**
     * The message for one recipient: the shared part (sender, subject, text and HTML bodies), built
     * and encoded once per content, then the recipient's own headers. Building every message from
     * scratch costs about a millisecond of CPU each, more than sending it.
     */
    private MimeMessage mime(OutgoingMessage m) throws MessagingException {
        byte[] shared = templates.computeIfAbsent(new Content(m.subject(), m.text(), m.html()), this::encode);
        MimeMessage mime = new MimeMessage(mail.getSession(), new ByteArrayInputStream(shared));
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(m.address(), true));
        mime.setHeader("Message-ID", "<" + UUID.nameUUIDFromBytes(m.idempotencyKey().getBytes(StandardCharsets.UTF_8)) + "@" + domain
                + ">"); // the same message every time it is sent
        mime.setHeader(KEY_HEADER, m.idempotencyKey());
        mime.setSentDate(new Date());
        return mime;
    }

    private record Content(String subject, String text, String html) {
    }

    private byte[] encode(Content content) {
        try {
            MimeMessage mime = new MimeMessage(mail.getSession());
            MimeMessageHelper helper = new MimeMessageHelper(mime, content.html() != null, "UTF-8");
            helper.setFrom(from);
            helper.setSubject(content.subject());
            if (content.html() != null) {
                helper.setText(content.text(), content.html());
            } else {
                helper.setText(content.text());
            }
            mime.setHeader("Auto-Submitted", "auto-generated");
            mime.saveChanges();
            mime.removeHeader("Message-ID");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            mime.writeTo(bytes);
            return bytes.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("could not encode an e-mail: " + e.getMessage(), e);
        }
    }

    /** A refused recipient (5xx) is an invalid address; a refused message (5xx), rejected; anything else, retried. */
    static SendOutcome classify(MessagingException e) {
        for (Exception cause = e; cause != null;
             cause = cause instanceof MessagingException me ? me.getNextException() : null) {
            if (cause instanceof SMTPAddressFailedException a) {
                return a.getReturnCode() >= 500 ? SendOutcome.addressInvalid(a.getReturnCode() + " " + a.getMessage().strip())
                        : SendOutcome.retry(null, a.getReturnCode() + " " + a.getMessage().strip());
            }
            if (cause instanceof SMTPSendFailedException s && s.getReturnCode() >= 500) {
                return SendOutcome.rejected(s.getReturnCode() + " " + s.getMessage().strip());
            }
        }
        if (e instanceof SendFailedException f && f.getInvalidAddresses() != null && f.getInvalidAddresses().length > 0
                && (f.getValidSentAddresses() == null || f.getValidSentAddresses().length == 0)) {
            Address[] invalid = f.getInvalidAddresses();
            return SendOutcome.addressInvalid("invalid address " + invalid[0]);
        }
        return SendOutcome.retry(null, e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).strip());
    }

    private static Transport close(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.debug("closing an SMTP connection failed", e);
            }
        }
        return null;
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
        Transport t;
        while ((t = idle.poll()) != null) close(t);
    }
}
