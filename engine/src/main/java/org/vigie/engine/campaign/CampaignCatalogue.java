package org.vigie.engine.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.vigie.engine.fact.DataCategory;
import org.vigie.engine.fact.Pathway;
import org.vigie.engine.json.InvalidInputException;
import org.vigie.engine.json.StrictJson;

/**
 * The campaigns known to a rule set, one YAML file per campaign, validated when loaded: a bad file
 * fails fast with its name and the field at fault.
 */
public final class CampaignCatalogue {

    /** Where campaign files live on the class path: {@code vigie/campaigns/<id>.yaml}. */
    public static final String LOCATION = "vigie/campaigns/";

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final Map<String, Campaign> byId;

    private CampaignCatalogue(Map<String, Campaign> byId) {
        this.byId = byId;
    }

    public static CampaignCatalogue of(Collection<Campaign> campaigns) {
        Map<String, Campaign> byId = new LinkedHashMap<>();
        for (Campaign c : campaigns) {
            if (byId.putIfAbsent(c.id(), c) != null) {
                throw new InvalidCampaignException(c.id(), "id", "is declared twice");
            }
        }
        return new CampaignCatalogue(byId);
    }

    /** Loads {@code vigie/campaigns/<id>.yaml} for each id, in that order. */
    public static CampaignCatalogue fromClasspath(ClassLoader loader, List<String> ids) {
        List<Campaign> campaigns = new ArrayList<>();
        for (String id : ids) {
            String file = LOCATION + id + ".yaml";
            try (InputStream in = loader.getResourceAsStream(file)) {
                if (in == null) {
                    throw new InvalidCampaignException(file, "", "no such campaign file on the class path");
                }
                campaigns.add(parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new InvalidCampaignException(file, "", "cannot be read: " + e.getMessage());
            }
        }
        return of(campaigns);
    }

    /** Parses and validates one campaign file; {@code file} names it in errors and must match the id. */
    public static Campaign parse(String file, String yaml) {
        Campaign c;
        try {
            c = StrictJson.read(StrictJson.YAML, yaml, Campaign.class);
        } catch (InvalidInputException e) {
            throw new InvalidCampaignException(file, e.field(), e.problem());
        }
        require(file, "id", c.id());
        if (!ID.matcher(c.id()).matches()) {
            throw new InvalidCampaignException(file, "id", "'" + c.id() + "' must be lower-case words joined by '-'");
        }
        String expectedName = c.id() + ".yaml";
        if (!file.equals(expectedName) && !file.endsWith("/" + expectedName)) {
            throw new InvalidCampaignException(file, "id", "'" + c.id() + "' does not match the file name");
        }
        require(file, "key", c.key());
        if (!KEY.matcher(c.key()).matches()) {
            throw new InvalidCampaignException(file, "key", "'" + c.key() + "' must be upper case, e.g. SCREEN_BREAST");
        }
        require(file, "title", c.title());
        require(file, "description", c.description());
        require(file, "pathway", c.pathway());
        require(file, "notificationCategory", c.notificationCategory());
        require(file, "coolDown", c.coolDown());
        if (c.coolDown().isNegative()) {
            throw new InvalidCampaignException(file, "coolDown", "must not be negative");
        }
        if (c.dataCategories().isEmpty()) {
            throw new InvalidCampaignException(file, "dataCategories", "must declare at least one data category");
        }
        if (c.declares(DataCategory.INSURER_DATA) && c.pathway() == Pathway.GENERAL) {
            throw new InvalidCampaignException(file, "dataCategories",
                    "INSURER_DATA needs a consent pathway (SCREENING, CHRONIC_CONDITIONS or PREGNANCY), not GENERAL");
        }
        if (c.surfaces().isEmpty()) {
            throw new InvalidCampaignException(file, "surfaces",
                    "must declare at least one display surface (FEED, AGENDA, PROFILE_ALERT, SECURE_MESSAGE)");
        }
        if (c.displaysOn(Surface.PROFILE_ALERT) && c.profileSection() == null) {
            throw new InvalidCampaignException(file, "profileSection",
                    "is required with the PROFILE_ALERT surface: the section of the medical profile the alert is shown on");
        }
        if (!c.displaysOn(Surface.PROFILE_ALERT) && c.profileSection() != null) {
            throw new InvalidCampaignException(file, "profileSection",
                    "is only allowed with the PROFILE_ALERT surface, which the campaign does not declare");
        }
        if (!c.bookedBy().isEmpty() && !c.declares(DataCategory.AGENDA)) {
            throw new InvalidCampaignException(file, "bookedBy",
                    "needs the AGENDA data category: a campaign that does not declare it never sees appointments (minimisation)");
        }
        List<Season> seasons = c.seasons();
        for (int i = 1; i < seasons.size(); i++) {
            if (!seasons.get(i).from().isAfter(seasons.get(i - 1).to())) {
                throw new InvalidCampaignException(file, "seasons[" + i + "]",
                        "must start after the previous season ends, in date order");
            }
        }
        return c;
    }

    private static void require(String file, String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new InvalidCampaignException(file, field, "is required");
        }
    }

    public List<Campaign> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Campaign> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
