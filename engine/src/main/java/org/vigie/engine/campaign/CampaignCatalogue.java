package org.vigie.engine.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
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
            String file = new CampaignNames(id).campaignFile();
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
        String key = new CampaignNames(c.id()).key();
        if (!c.key().equals(key)) {
            throw new InvalidCampaignException(file, "key", "'" + c.key() + "' must be " + key
                    + ", the campaign id in upper case with '_' for '-'");
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
        checkSeasons(file, c.seasons());
        return c;
    }

    private static final Pattern YEARS = Pattern.compile("(\\d{4})(?:-(\\d{4}))?");

    /** Each entry is a recurring season or a single one; a committee's dates stay within their year. */
    private static void checkSeasons(String file, List<SeasonPlan> plans) {
        Season previousSingle = null;
        java.util.Set<String> kinds = new java.util.HashSet<>();
        for (int i = 0; i < plans.size(); i++) {
            SeasonPlan plan = plans.get(i);
            String at = "seasons[" + i + "]";
            if (plan.kind() != null && !KEY.matcher(plan.kind()).matches()) {
                throw new InvalidCampaignException(file, at + ".kind", "'" + plan.kind() + "' must be upper case, e.g. AUTUMN");
            }
            if (!plan.recurring() && plan.closes() == null && plan.from() == null && plan.to() == null) {
                throw new InvalidCampaignException(file, at, "give opens and closes (a season every year, MM-DD) "
                        + "or name, from and to (a single season)");
            }
            if (plan.recurring() || plan.closes() != null) {
                if (plan.name() != null || plan.from() != null || plan.to() != null) {
                    throw new InvalidCampaignException(file, at, "a season every year (opens, closes) takes no name, from "
                            + "or to: its seasons are named by their years, after an optional label");
                }
                require(file, at + ".opens", plan.opens());
                require(file, at + ".closes", plan.closes());
                if (plan.opens().equals(plan.closes())) {
                    throw new InvalidCampaignException(file, at + ".closes", "must differ from opens");
                }
                if (!kinds.add(String.valueOf(plan.kind()))) {
                    throw new InvalidCampaignException(file, at + ".kind", "a season every year of this kind is already declared");
                }
                checkOverrides(file, at, plan);
            } else {
                if (plan.label() != null || !plan.overrides().isEmpty()) {
                    throw new InvalidCampaignException(file, at, "label and overrides belong to a season every year (opens, closes)");
                }
                require(file, at + ".name", plan.name());
                require(file, at + ".from", plan.from());
                require(file, at + ".to", plan.to());
                Season season;
                try {
                    season = plan.single();
                } catch (IllegalArgumentException e) {
                    throw new InvalidCampaignException(file, at, e.getMessage());
                }
                if (previousSingle != null && !season.from().isAfter(previousSingle.to())) {
                    throw new InvalidCampaignException(file, at, "must start after the previous season ends, in date order");
                }
                previousSingle = season;
            }
        }
    }

    private static void checkOverrides(String file, String at, SeasonPlan plan) {
        java.util.Set<String> announcements = new java.util.HashSet<>();
        for (int j = 0; j < plan.overrides().size(); j++) {
            SeasonPlan.SeasonDates set = plan.overrides().get(j);
            String here = at + ".overrides[" + j + "]";
            require(file, here + ".season", set.season());
            require(file, here + ".opens", set.opens());
            require(file, here + ".closes", set.closes());
            require(file, here + ".announced", set.announced());
            java.util.regex.Matcher years = YEARS.matcher(set.season());
            int year = years.matches() ? Integer.parseInt(years.group(1)) : -1;
            if (year < 0 || !plan.years(year).equals(set.season())) {
                String example = plan.crossesNewYear() ? "2026-2027" : "2027";
                throw new InvalidCampaignException(file, here + ".season", "'" + set.season() + "' must name the season's years, e.g. '"
                        + example + "'" + (plan.crossesNewYear() ? " (it closes the year after it opens)" : ""));
            }
            if (set.closes().isBefore(set.opens())) {
                throw new InvalidCampaignException(file, here + ".closes", "is before opens");
            }
            if (set.opens().getYear() != year) {
                throw new InvalidCampaignException(file, here + ".opens", "must be in " + year + ", the year season " + set.season() + " opens");
            }
            LocalDate previousCloses = plan.usual(year - 1).to();
            if (!set.opens().isAfter(previousCloses)) {
                throw new InvalidCampaignException(file, here + ".opens", "must be after " + previousCloses
                        + ", when the season before usually closes");
            }
            LocalDate nextOpens = plan.usual(year + 1).from();
            if (!set.closes().isBefore(nextOpens)) {
                throw new InvalidCampaignException(file, here + ".closes", "must be before " + nextOpens
                        + ", when the season after usually opens");
            }
            if (!announcements.add(set.season() + "@" + set.announced())) {
                throw new InvalidCampaignException(file, here + ".announced", "season " + set.season()
                        + " already has dates announced on " + set.announced());
            }
        }
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
