package org.vigie.platform.delivery;

import java.time.Clock;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.vigie.platform.delivery.internal.email.EmailSender;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliverySettings.class)
@EnableScheduling
class DeliveryConfiguration {

    @Bean
    SendWindow sendWindow(DeliverySettings settings, Clock clock) {
        // the citizens' day is the application's one "today" (vigie.time-zone)
        return new SendWindow(settings, clock.getZone());
    }

    /** Notifications are in French (the message bundle's base language). */
    @Bean
    Rendering rendering(DeliverySettings settings) {
        return new Rendering(settings.link(), Locale.FRENCH);
    }

    /** Over the {@code spring.mail.*} server; pooled connections, {@code vigie.delivery.smtp-connections}. */
    @Bean
    EmailSender emailSender(JavaMailSenderImpl mail, DeliverySettings settings) {
        return new EmailSender(mail, settings.from(), settings.smtpConnections());
    }
}
