package org.vigie.platform.delivery.internal.push;

import com.google.firebase.ErrorCode;
import com.google.firebase.IncomingHttpResponse;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.MessagingErrorCode;
import com.google.firebase.messaging.SendResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.vigie.platform.delivery.SendOutcome;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What FCM's answer to one message means for the dispatcher: sent; the token is no longer valid
 * (unregistered, or refused as not a registration token); try again later (quota, FCM unavailable
 * or failing, network); or refused for good (anything else).
 */
final class PushOutcomes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PushOutcomes() {
    }

    static SendOutcome of(SendResponse response, Clock clock) {
        return response.isSuccessful() ? SendOutcome.sent() : of(response.getException(), clock);
    }

    static SendOutcome of(FirebaseMessagingException e, Clock clock) {
        MessagingErrorCode fcmCode = e.getMessagingErrorCode();
        IncomingHttpResponse http = e.getHttpResponse();
        int status = http == null ? 0 : http.getStatusCode();
        String detail = detail(e, status);
        if (fcmCode == MessagingErrorCode.UNREGISTERED) {
            return SendOutcome.addressInvalid(detail);
        }
        if (fcmCode == MessagingErrorCode.INVALID_ARGUMENT || fcmCode == null && e.getErrorCode() == ErrorCode.INVALID_ARGUMENT) {
            return aboutTheToken(e, http) ? SendOutcome.addressInvalid(detail) : SendOutcome.rejected(detail);
        }
        if (fcmCode == MessagingErrorCode.QUOTA_EXCEEDED || fcmCode == MessagingErrorCode.UNAVAILABLE
                || fcmCode == MessagingErrorCode.INTERNAL || status == 429 || status >= 500) {
            return SendOutcome.retry(retryAfter(http, clock), detail);
        }
        if (http == null) {
            // no answer at all: connection refused or reset, timeout
            return SendOutcome.retry(null, detail);
        }
        return SendOutcome.rejected(detail);
    }

    /**
     * FCM says INVALID_ARGUMENT for a malformed or foreign registration token, but also for any other
     * invalid field: only the former makes the token worthless.
     */
    private static boolean aboutTheToken(FirebaseMessagingException e, IncomingHttpResponse http) {
        if (mentionsToken(e.getMessage())) {
            return true;
        }
        if (http == null || http.getContent() == null) {
            return false;
        }
        try {
            JsonNode error = JSON.readTree(http.getContent()).path("error");
            if (mentionsToken(error.path("message").asString(""))) {
                return true;
            }
            for (JsonNode detail : error.path("details")) {
                for (JsonNode violation : detail.path("fieldViolations")) {
                    if ("message.token".equals(violation.path("field").asString(""))) {
                        return true;
                    }
                }
            }
        } catch (JacksonException notJson) {
            // an answer that is not FCM's JSON says nothing about the token
        }
        return false;
    }

    private static boolean mentionsToken(String message) {
        return message != null && message.toLowerCase(Locale.ROOT).contains("registration token");
    }

    /** The {@code Retry-After} header, in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(IncomingHttpResponse http, Clock clock) {
        if (http == null) {
            return null;
        }
        for (Map.Entry<String, Object> header : http.getHeaders().entrySet()) {
            if ("retry-after".equalsIgnoreCase(header.getKey())) {
                return retryAfter(firstValue(header.getValue()), clock);
            }
        }
        return null;
    }

    private static Duration retryAfter(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.chars().allMatch(Character::isDigit)) {
            return Duration.ofSeconds(Long.parseLong(trimmed));
        }
        try {
            Duration wait = Duration.between(clock.instant(), ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME));
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    private static String firstValue(Object value) {
        if (value instanceof Collection<?> values) {
            return values.isEmpty() ? null : String.valueOf(values.iterator().next());
        }
        return value == null ? null : value.toString();
    }

    private static String detail(FirebaseMessagingException e, int status) {
        String code = e.getMessagingErrorCode() != null ? e.getMessagingErrorCode().name() : e.getErrorCode().name();
        return code + (status > 0 ? " (HTTP " + status + ")" : "") + ": " + e.getMessage();
    }
}
