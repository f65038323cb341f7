package org.vigie.platform.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The local FCM endpoint started with the application when {@code vigie.push.fcm.local-endpoint.enabled=true}
 * (the demo's default); delivery's push then goes to it. Public so that delivery's tests can wire it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FcmLocalEndpointConfiguration.Settings.class)
public class FcmLocalEndpointConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FcmLocalEndpointConfiguration.class);

    /**
     * @param port       its port on the loopback interface; 0: any free port
     * @param keepAtMost how many received requests it remembers and lists
     */
    @ConfigurationProperties("vigie.push.fcm.local-endpoint")
    record Settings(@DefaultValue("8099") int port, @DefaultValue("10000") int keepAtMost) {
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "vigie.push.fcm.local-endpoint.enabled", havingValue = "true")
    FcmLocalEndpoint fcmLocalEndpoint(Settings settings) {
        FcmLocalEndpoint endpoint = FcmLocalEndpoint.start(settings.port(), settings.keepAtMost());
        log.info("Local FCM endpoint at {} (GET {}/ lists the pushes it received)", endpoint.url(), endpoint.url());
        return endpoint;
    }
}
