package org.vigie.engine.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.Fact;
import org.vigie.engine.json.corpus.BadSnapshot;
import org.vigie.engine.json.corpus.BadSnapshots;

/** The generated bad-input corpus against the contract's reader: every bad snapshot is refused, naming its field. */
class BadInputCorpusTest {

    static Stream<BadSnapshot> corpus() {
        return BadSnapshots.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refusesEveryBadSnapshotNamingTheField(BadSnapshot bad) {
        Throwable thrown = catchThrowable(() -> SnapshotJson.read(bad.json()));

        assertThat(thrown).as("%s", bad.mutation()).isInstanceOf(InvalidInputException.class);
        InvalidInputException refusal = (InvalidInputException) thrown;
        assertThat(refusal.field()).as("%s: %s", bad.mutation(), refusal.getMessage()).isEqualTo(bad.field());
        assertThat(refusal.problem()).isNotBlank();
        // a huge value is not echoed back whole
        assertThat(refusal.getMessage()).hasSizeLessThan(600);
    }

    @Test
    void startsFromASnapshotTheContractAccepts() {
        assertThatCode(() -> SnapshotJson.read(BadSnapshots.valid())).doesNotThrowAnyException();
    }

    @Test
    void breaksEveryFieldOfEveryFact() {
        List<String> paths = BadSnapshots.fields().stream().map(BadSnapshots.Field::path).toList();
        for (RecordComponent list : CitizenFacts.class.getRecordComponents()) {
            Class<?> type = list.getType() == List.class
                    ? (Class<?>) ((ParameterizedType) list.getGenericType()).getActualTypeArguments()[0] : list.getType();
            if (!Fact.class.isAssignableFrom(type)) continue;
            String prefix = "citizen." + list.getName() + (list.getType() == List.class ? "[1]" : "");
            for (RecordComponent field : type.getRecordComponents()) {
                if (field.getAccessor().isAnnotationPresent(JsonIgnore.class)) continue;
                assertThat(paths).contains(prefix + "." + field.getName());
            }
        }
        assertThat(Arrays.stream(Fact.class.getPermittedSubclasses()))
                .allSatisfy(fact -> assertThat(paths).anySatisfy(p -> assertThat(p).startsWith("citizen.")));
        assertThat(BadSnapshots.all()).hasSizeGreaterThan(10 * paths.size());
    }
}
