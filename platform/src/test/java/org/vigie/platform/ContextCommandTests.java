package org.vigie.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.platform.cli.Command;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A command that needs the database boots the application without a web server, on the settings given. */
class ContextCommandTests {

    @Test
    void runsWithTheMigratedDatabaseAndNoWebServer() throws Exception {
        List<String> seen = new ArrayList<>();
        Command command = ContextCommand.of("count", "Counts citizens.", (context, args, in, out, err) -> {
            seen.addAll(args);
            assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
            long citizens = context.getBean(JdbcClient.class).sql("select count(*) from citizen").query(Long.class).single();
            out.print(citizens);
            return 0;
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = command.run(List.of("--vigie.embedded-postgres.temporary=true", "--mine", "file.jsonl"),
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("0");
        assertThat(seen).containsExactly("--mine", "file.jsonl");
    }
}
