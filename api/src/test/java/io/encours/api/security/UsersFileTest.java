package io.encours.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class UsersFileTest {

    @Test
    void theDemoUsersAreTheFourRolesWithTheirNameAsPassword() {
        Map<String, UsersFile.User> users = UsersFile.load(new ClassPathResource("demo-users.yml"));
        assertThat(users).containsOnlyKeys("cfo", "entity-cfo", "collector", "analyst");
        assertThat(users.get("cfo").caller().role()).isEqualTo(Role.GROUP_CFO);
        assertThat(users.get("entity-cfo").caller().entities()).containsExactly(Caller.SMALLEST);
        assertThat(users.get("collector").caller().collectorId()).isEqualTo(Caller.SMALLEST);
        assertThat(users.get("analyst").caller().role()).isEqualTo(Role.ANALYST);
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        users.forEach((name, user) -> assertThat(bcrypt.matches(name, user.passwordHash())).as(name).isTrue());
    }

    @Test
    void refusesPlainPasswordsAndIncompleteScopes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users.yml");
        Files.writeString(file, """
                users:
                  - name: alice
                    password: alice
                    role: GROUP_CFO
                  - name: bob
                    password: "$2a$04$lgGWOQaEIYbc94xADN.CbuWtl8Pr455/OV1VkUuDriFtYDkwegx/u"
                    role: ENTITY_CFO
                  - name: carol
                    password: "$2a$04$lgGWOQaEIYbc94xADN.CbuWtl8Pr455/OV1VkUuDriFtYDkwegx/u"
                    role: COLLECTOR
                """);
        assertThatThrownBy(() -> UsersFile.load(new FileSystemResource(file)))
                .isInstanceOf(io.encours.api.config.ConfigurationProblem.class)
                .hasMessageContaining("users[0] (alice): password must be a BCrypt hash")
                .hasMessageContaining("users[1] (bob): an ENTITY_CFO needs its entities")
                .hasMessageContaining("users[2] (carol): a COLLECTOR needs its collector id");
    }

    @Test
    void readsAPropertiesFileToo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users.properties");
        Files.writeString(file, """
                users[0].name=lyon
                users[0].password=$2a$04$lgGWOQaEIYbc94xADN.CbuWtl8Pr455/OV1VkUuDriFtYDkwegx/u
                users[0].role=entity-cfo
                users[0].entities=ENT-02,ENT-03
                """);
        Map<String, UsersFile.User> users = UsersFile.load(new FileSystemResource(file));
        assertThat(users.get("lyon").caller().entities()).containsExactly("ENT-02", "ENT-03");
        assertThat(users.get("lyon").caller().role()).isEqualTo(Role.ENTITY_CFO);
    }
}
