package org.vigie.platform.space;

import io.swagger.v3.oas.annotations.media.Schema;

import io.swagger.v3.oas.annotations.media.Content;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.engine.fact.Consent;
import org.vigie.engine.fact.Pathway;
import org.vigie.engine.json.InvalidInputException;
import org.vigie.platform.citizen.MandatoryNotification;
import org.vigie.engine.campaign.NotificationCategory;
import org.vigie.platform.citizen.NotificationChannel;
import org.vigie.platform.citizen.NotificationPreferences;
import org.vigie.platform.citizen.PreventionChoices;
import org.vigie.platform.web.RequestBodies;

/**
 * The holder's choices (docs/space-sources.md#objection-and-consent, docs/space-sources.md#notifications): taking part in personalised prevention, the
 * insurer-data consent of each pathway (and whether to offer its journey at login), the
 * notification preferences and the push devices. Reads and changes are traced.
 */
@RestController
@RequestMapping(path = "/api/v1/spaces/{space}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Space: choices", description = "Prevention opt-out, insurer-data consents, notifications, devices")
class ChoicesController {

    private static final String WHY = "citizen API: choices";

    private final SpaceAccess access;
    private final PreventionChoices choices;
    private final NotificationPreferences notifications;

    ChoicesController(SpaceAccess access, PreventionChoices choices, NotificationPreferences notifications) {
        this.access = access;
        this.choices = choices;
        this.notifications = notifications;
    }

    record OptOutRequest(Boolean optedOut) {
    }

    record ConsentRequest(Consent consent) {
    }

    record PreferenceRequest(Boolean enabled) {
    }

    record DeviceRequest(String token) {
    }

    /** The optional notifications, switchable, and the mandatory ones, which are not. */
    record NotificationsView(java.util.Map<NotificationCategory, java.util.Map<NotificationChannel, Boolean>> preferences,
                             List<MandatoryNotification> mandatory, List<String> devices) {
    }

    @Operation(summary = "My prevention choices",
            description = "Opt-out, the consent of each pathway, whether to offer its consent journey at login "
                    + "(not after an answer, a refusal included), and the history of every change.")
    @GetMapping("/prevention")
    PreventionChoices.View prevention(Authentication caller, @PathVariable UUID space) {
        Acting acting = access.inUse(caller, space);
        return choices.view(acting.actor(), acting.space(), WHY);
    }

    @Operation(summary = "Object to, or take part again in, personalised prevention", description = "{\"optedOut\": true}")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = OptOutRequest.class)))
    @PutMapping(path = "/prevention/opt-out", consumes = MediaType.APPLICATION_JSON_VALUE)
    PreventionChoices.View optOut(Authentication caller, @PathVariable UUID space, @RequestBody(required = false) String body) {
        Acting acting = access.inUse(caller, space);
        boolean optedOut = RequestBodies.required(RequestBodies.read(body, OptOutRequest.class).optedOut(), "optedOut");
        choices.setOptOut(acting.actor(), acting.space(), optedOut, WHY);
        return choices.view(acting.actor(), acting.space(), WHY);
    }

    @Operation(summary = "Answer a pathway's insurer-data consent", description = "{\"consent\": \"GRANTED\" | \"REFUSED\"}")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ConsentRequest.class)))
    @PutMapping(path = "/prevention/consents/{pathway}", consumes = MediaType.APPLICATION_JSON_VALUE)
    PreventionChoices.View consent(Authentication caller, @PathVariable UUID space, @PathVariable String pathway,
                                   @RequestBody(required = false) String body) {
        Acting acting = access.inUse(caller, space);
        Pathway asked = pathway(pathway);
        Consent consent = RequestBodies.required(RequestBodies.read(body, ConsentRequest.class).consent(), "consent");
        if (consent == Consent.NOT_ASKED) throw new InvalidInputException("consent", "an answer is GRANTED or REFUSED");
        choices.setConsent(acting.actor(), acting.space(), asked, consent, WHY);
        return choices.view(acting.actor(), acting.space(), WHY);
    }

    @Operation(summary = "My notification preferences and devices")
    @GetMapping("/notifications")
    NotificationsView notifications(Authentication caller, @PathVariable UUID space) {
        Acting acting = access.inUse(caller, space);
        return view(notifications.view(acting.actor(), acting.space(), WHY));
    }

    @Operation(summary = "Switch a category of notifications on a channel", description = "{\"enabled\": false}; "
            + "mandatory notifications have no switch")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = PreferenceRequest.class)))
    @PutMapping(path = "/notifications/{category}/{channel}", consumes = MediaType.APPLICATION_JSON_VALUE)
    NotificationsView prefer(Authentication caller, @PathVariable UUID space, @PathVariable String category,
                             @PathVariable String channel, @RequestBody(required = false) String body) {
        Acting acting = access.inUse(caller, space);
        NotificationCategory switched = category(category);
        NotificationChannel on = value(NotificationChannel.class, channel, "channel");
        boolean enabled = RequestBodies.required(RequestBodies.read(body, PreferenceRequest.class).enabled(), "enabled");
        notifications.set(acting.actor(), acting.space(), switched, on, enabled, WHY);
        return view(notifications.view(acting.actor(), acting.space(), WHY));
    }

    @Operation(summary = "Register a push device", description = "{\"token\": \"…\"}")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = DeviceRequest.class)))
    @PostMapping(path = "/devices", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    NotificationsView register(Authentication caller, @PathVariable UUID space, @RequestBody(required = false) String body) {
        Acting acting = access.inUse(caller, space);
        String token = RequestBodies.required(RequestBodies.read(body, DeviceRequest.class).token(), "token");
        if (token.length() > 4096) throw new InvalidInputException("token", "is longer than 4096 characters");
        notifications.registerDevice(acting.actor(), acting.space(), token, WHY);
        return view(notifications.view(acting.actor(), acting.space(), WHY));
    }

    @Operation(summary = "Forget a push device")
    @DeleteMapping("/devices/{token}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void forget(Authentication caller, @PathVariable UUID space, @PathVariable String token) {
        Acting acting = access.inUse(caller, space);
        notifications.forgetDevice(acting.actor(), acting.space(), token, WHY);
    }

    private static NotificationsView view(NotificationPreferences.View view) {
        return new NotificationsView(view.preferences(), List.of(MandatoryNotification.values()), view.devices());
    }

    private static Pathway pathway(String name) {
        Pathway pathway = value(Pathway.class, name, "pathway");
        if (pathway == Pathway.GENERAL) {
            throw new InvalidInputException("pathway", "GENERAL campaigns never use insurer data: there is no consent to give");
        }
        return pathway;
    }

    private static NotificationCategory category(String name) {
        if (Arrays.stream(MandatoryNotification.values()).anyMatch(m -> m.name().equals(name))) {
            throw new InvalidInputException("category", name + " is a mandatory notification: it cannot be switched off");
        }
        return value(NotificationCategory.class, name, "category");
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name, String field) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException(field, "unknown value '" + name + "'; expected one of "
                        + Arrays.toString(type.getEnumConstants())));
    }
}
