package io.encours.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LauncherArgsTest {

    @Test
    void translatesTheLauncherArguments() {
        LauncherArgs args = LauncherArgs.parse("--warehouse", "/w", "--port=9090", "--profile", "demo",
                "--encours.database.pool-size=8");
        assertThat(args.help()).isFalse();
        assertThat(args.springArgs()).containsExactly("--encours.warehouse=/w", "--encours.port=9090",
                "--spring.profiles.active=demo", "--encours.database.pool-size=8");
    }

    @Test
    void helpAndMissingValues() {
        assertThat(LauncherArgs.parse("--help").help()).isTrue();
        assertThatThrownBy(() -> LauncherArgs.parse("--warehouse")).hasMessage("--warehouse needs a value");
        assertThatThrownBy(() -> LauncherArgs.parse("--port", "--profile", "demo")).hasMessage("--port needs a value");
    }
}
