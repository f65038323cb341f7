package org.vigie.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Run in a separate JVM by {@link EmbeddedPostgresTests}: starts the embedded PostgreSQL on the
 * data directory given as argument, writes a row, says READY and waits to be killed.
 */
final class KilledApplication {

    private KilledApplication() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = new EmbeddedPostgresConfiguration()
                .embeddedPostgres(new EmbeddedPostgresSettings(Path.of(args[0]), false, false, 0));
        JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
        jdbc.sql("create table note (text varchar(100))").update();
        jdbc.sql("insert into note values ('written before the kill')").update();
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
