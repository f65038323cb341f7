package org.vigie.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.vigie.engine.fact.AccountStatus;
import org.vigie.engine.fact.ActKind;
import org.vigie.engine.fact.AppointmentKind;
import org.vigie.engine.fact.AppointmentStatus;
import org.vigie.engine.fact.Consent;
import org.vigie.engine.fact.DocumentType;
import org.vigie.engine.fact.MeasureKind;
import org.vigie.engine.fact.Pathway;
import org.vigie.engine.fact.Relation;
import org.vigie.engine.fact.Source;
import org.vigie.engine.fact.Vaccine;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generated citizens in the evaluation contract's JSON, for differential tests: every fact type, every
 * source, facts hidden from representatives, consents, account states and opt-outs, with ages and fact
 * dates drawn near the boundaries the rules test (birthdays at key ages, intervals since an act, the
 * reference date itself). Clinical codes are those of the shipped terminology table, plus codes it does
 * not know. Deterministic per seed; enumeration values are read from the fact model, so a value added
 * there is generated without editing this class.
 */
public final class GeneratedCitizens {

    /** Ages the rules turn on (first day, last day, one day either side are drawn around each). */
    private static final int[] KEY_AGES = {0, 1, 2, 3, 6, 9, 11, 12, 14, 15, 18, 19, 20, 24, 25, 26, 30, 45, 50, 51, 60,
            65, 66, 70, 74, 75, 76, 80, 85};
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Random random;
    private final Map<String, List<String>> codes;

    public GeneratedCitizens(long seed) {
        this.random = new Random(seed);
        this.codes = terminologyCodes();
    }

    /** A reference date between 2024 and 2028, now and then one of the days the rules change on. */
    public LocalDate referenceDate() {
        if (random.nextInt(4) == 0) {
            LocalDate[] days = {LocalDate.of(2026, 3, 16), LocalDate.of(2026, 12, 7), LocalDate.of(2025, 10, 15),
                    LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 1), LocalDate.of(2025, 4, 1), LocalDate.of(2027, 10, 14)};
            return days[random.nextInt(days.length)];
        }
        return LocalDate.of(2024, 1, 1).plusDays(random.nextInt(5 * 365));
    }

    /** One citizen's {@code citizen} object, as a JSON tree, made to be evaluated around {@code on}. */
    public Map<String, Object> citizen(LocalDate on) {
        Map<String, Object> c = new LinkedHashMap<>();
        LocalDate birth = birthDate(on);
        boolean woman = random.nextBoolean();
        c.put("birthDate", birth.toString());
        c.put("sex", woman ? "F" : "M");
        if (random.nextInt(10) == 0) c.put("accountStatus", pick(AccountStatus.values()).name());
        if (random.nextInt(15) == 0) c.put("preventionOptOut", true);
        if (random.nextInt(3) == 0) {
            Map<String, Object> consents = new TreeMap<>();
            for (Pathway p : Pathway.values()) {
                if (p != Pathway.GENERAL && random.nextBoolean()) consents.put(p.name(), pick(Consent.values()).name());
            }
            c.put("insurerDataConsent", consents);
        }
        c.put("conditions", list(3, () -> coded("ICD10", "since", birth, on)));
        c.put("treatments", list(2, () -> coded("ATC", "since", birth, on)));
        if (woman && random.nextInt(6) == 0) {
            Map<String, Object> pregnancy = fact(birth, on);
            pregnancy.put("start", on.minusDays(random.nextInt(330)).toString());
            if (!LocalDate.parse((String) pregnancy.get("start")).isBefore(birth.plusYears(12))) c.put("pregnancy", pregnancy);
        }
        c.put("vaccinations", list(5, () -> {
            Map<String, Object> v = fact(birth, on);
            v.put("vaccine", pick(Vaccine.values()).name());
            v.put("date", factDate(birth, on).toString());
            return v;
        }));
        c.put("acts", list(4, () -> {
            Map<String, Object> a = fact(birth, on);
            a.put("kind", pick(ActKind.values()).name());
            a.put("date", factDate(birth, on).toString());
            return a;
        }));
        c.put("measures", list(3, () -> {
            Map<String, Object> m = fact(birth, on);
            MeasureKind kind = pick(MeasureKind.values());
            m.put("kind", kind.name());
            m.put("value", measure(kind));
            m.put("date", factDate(birth, on).toString());
            return m;
        }));
        c.put("familyHistory", list(2, () -> {
            Map<String, Object> f = fact(birth, on);
            f.put("code", code("ICD10"));
            f.put("relation", pick(Relation.values()).name());
            if (random.nextBoolean()) f.put("ageAtDiagnosis", 20 + random.nextInt(60));
            return f;
        }));
        c.put("appointments", list(2, () -> {
            Map<String, Object> a = fact(birth, on);
            a.put("kind", pick(AppointmentKind.values()).name());
            a.put("date", on.plusDays(random.nextInt(120) - 60).toString());
            a.put("status", pick(AppointmentStatus.values()).name());
            return a;
        }));
        c.put("documents", list(2, () -> {
            Map<String, Object> d = fact(birth, on);
            d.put("type", pick(DocumentType.values()).name());
            d.put("date", factDate(birth, on).toString());
            return d;
        }));
        c.values().removeIf(v -> v instanceof List<?> l && l.isEmpty());
        return c;
    }

    /** A whole snapshot line of the contract: {@code {"citizenId":…,"on":…,"citizen":…}}. */
    public static String snapshot(String citizenId, LocalDate on, Map<String, Object> citizen) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("citizenId", citizenId);
        s.put("on", on.toString());
        s.put("citizen", citizen);
        return JSON.writeValueAsString(s);
    }

    private LocalDate birthDate(LocalDate on) {
        int age = random.nextInt(3) == 0 ? random.nextInt(100) : KEY_AGES[random.nextInt(KEY_AGES.length)];
        LocalDate birthday = on.minusYears(age);
        LocalDate birth = switch (random.nextInt(5)) {
            case 0 -> birthday.plusDays(1);   // the day before the birthday
            case 1 -> birthday.minusDays(1);  // the day after
            case 2 -> birthday.minusDays(random.nextInt(365));
            default -> birthday;              // the birthday itself
        };
        return birth.isAfter(on) ? on : birth;
    }

    /** A fact's date: often near the reference date or a whole number of years before it. */
    private LocalDate factDate(LocalDate birth, LocalDate on) {
        LocalDate date = switch (random.nextInt(5)) {
            case 0 -> on.minusYears(random.nextInt(12)).plusDays(random.nextInt(3) - 1);
            case 1 -> on.minusDays(random.nextInt(60));
            case 2 -> on.plusDays(1 + random.nextInt(30)); // recorded ahead of the reference date
            default -> birth.plusDays(random.nextInt((int) Math.max(1, on.toEpochDay() - birth.toEpochDay() + 1)));
        };
        return date.isBefore(birth) ? birth : date;
    }

    private Map<String, Object> coded(String system, String dateField, LocalDate birth, LocalDate on) {
        Map<String, Object> f = fact(birth, on);
        f.put("code", code(system));
        if (random.nextBoolean()) f.put(dateField, factDate(birth, on).toString());
        return f;
    }

    /** The fields every fact may carry: its source and whether a minor hid it from the representatives. */
    private Map<String, Object> fact(LocalDate birth, LocalDate on) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (random.nextInt(3) == 0) f.put("source", pick(Source.values()).name());
        if (random.nextInt(5) == 0) f.put("hiddenFromRepresentatives", true);
        return f;
    }

    private String code(String system) {
        List<String> known = codes.getOrDefault(system, List.of());
        if (known.isEmpty() || random.nextInt(6) == 0) {
            return system.equals("ATC") ? "A0" + random.nextInt(10) + "BC0" + random.nextInt(10) : "Z" + (10 + random.nextInt(89));
        }
        return known.get(random.nextInt(known.size()));
    }

    private double measure(MeasureKind kind) {
        double value = switch (kind.name()) {
            case "WEIGHT_KG" -> 40 + random.nextInt(100);
            case "HEIGHT_CM" -> 140 + random.nextInt(60);
            case "BMI" -> 16 + random.nextInt(30);
            case "HBA1C_PERCENT" -> 4 + random.nextInt(8);
            case "BLOOD_GLUCOSE_G_L" -> 0.6 + random.nextInt(3);
            default -> 50 + random.nextInt(120);
        };
        // within the contract's bounds for the kind, whatever kinds are added
        return Math.min(value + random.nextInt(10) / 10.0, kind.maximum() * 0.9);
    }

    private <T> List<T> list(int most, java.util.function.Supplier<T> element) {
        int n = random.nextInt(3) == 0 ? 0 : random.nextInt(most + 1);
        List<T> list = new ArrayList<>();
        for (int i = 0; i < n; i++) list.add(element.get());
        return list;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** The codes of the shipped terminology table, by system; a range such as E10-E14 gives its first code. */
    private static Map<String, List<String>> terminologyCodes() {
        Map<String, List<String>> bySystem = new TreeMap<>();
        var in = GeneratedCitizens.class.getClassLoader().getResourceAsStream("vigie/terminology.csv");
        if (in == null) throw new IllegalStateException("vigie/terminology.csv is not on the class path");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("system,")) continue;
                String[] cells = line.split(",", 4);
                if (cells.length < 3) continue;
                String code = cells[1].strip().split("-")[0];
                bySystem.computeIfAbsent(cells[0].strip(), k -> new ArrayList<>()).add(code);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bySystem;
    }
}
