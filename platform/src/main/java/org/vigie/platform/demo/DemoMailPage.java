package org.vigie.platform.demo;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** The demo's mailbox: every e-mail the embedded SMTP server received, newest first (they carry no health data, P7). */
@RestController
@ConditionalOnProperty("vigie.demo.enabled")
class DemoMailPage {

    static final String PATH = "/demo/mail";
    private static final int SHOWN = 200;

    private final GreenMail mail;

    DemoMailPage(GreenMail mail) {
        this.mail = mail;
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    String page() throws MessagingException {
        List<MimeMessage> received = Arrays.asList(mail.getReceivedMessages());
        StringBuilder html = new StringBuilder("""
                <!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Vigie — e-mails reçus</title>
                <style>body{font-family:sans-serif;margin:2em}td,th{padding:.3em .8em;text-align:left;border-bottom:1px solid #ddd}</style>
                </head><body>""");
        html.append("<h1>E-mails reçus par le serveur SMTP de démonstration</h1><p>")
                .append(received.size()).append(" e-mail(s)").append(received.size() > SHOWN ? ", les " + SHOWN + " derniers :" : " :")
                .append("</p><table><tr><th>Date</th><th>Destinataire</th><th>Objet</th><th>Message-ID</th></tr>");
        for (int i = received.size() - 1; i >= Math.max(0, received.size() - SHOWN); i--) {
            MimeMessage m = received.get(i);
            html.append("<tr><td>").append(escape(String.valueOf(m.getSentDate())))
                    .append("</td><td>").append(escape(Arrays.toString(m.getAllRecipients())))
                    .append("</td><td>").append(escape(m.getSubject()))
                    .append("</td><td>").append(escape(m.getMessageID())).append("</td></tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }
}
