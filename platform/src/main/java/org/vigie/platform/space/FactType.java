package org.vigie.platform.space;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.vigie.engine.fact.Act;
import org.vigie.engine.fact.Appointment;
import org.vigie.engine.fact.Condition;
import org.vigie.engine.fact.Document;
import org.vigie.engine.fact.Fact;
import org.vigie.engine.fact.FamilyHistory;
import org.vigie.engine.fact.Measure;
import org.vigie.engine.fact.Pregnancy;
import org.vigie.engine.fact.Treatment;
import org.vigie.engine.fact.Vaccination;
import org.vigie.engine.json.InvalidInputException;

/** The types of fact as the API names them: the contract's field names ({@code familyHistory}, {@code measures}, …). */
enum FactType {
    PREGNANCY("pregnancy", Pregnancy.class),
    CONDITIONS("conditions", Condition.class),
    TREATMENTS("treatments", Treatment.class),
    VACCINATIONS("vaccinations", Vaccination.class),
    ACTS("acts", Act.class),
    MEASURES("measures", Measure.class),
    FAMILY_HISTORY("familyHistory", FamilyHistory.class),
    APPOINTMENTS("appointments", Appointment.class),
    DOCUMENTS("documents", Document.class);

    final String path;
    final Class<? extends Fact> type;

    FactType(String path, Class<? extends Fact> type) {
        this.path = path;
        this.type = type;
    }

    static FactType of(String path) {
        return Arrays.stream(values()).filter(t -> t.path.equals(path)).findFirst()
                .orElseThrow(() -> new InvalidInputException("type", "unknown type of fact '" + path + "'; expected one of "
                        + Arrays.stream(values()).map(t -> t.path).collect(Collectors.joining(", "))));
    }

    static FactType of(Fact fact) {
        return Arrays.stream(values()).filter(t -> t.type.isInstance(fact)).findFirst().orElseThrow();
    }
}
