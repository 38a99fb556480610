package io.encours.api.security;

import io.encours.api.config.ConfigurationProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;

/**
 * The users of demo and basic modes, read from a YAML (or .properties) file:
 *
 * <pre>
 * users:
 *   - name: cfo
 *     password: "$2a$10$..."        # BCrypt hash, never the password itself
 *     role: GROUP_CFO
 *   - name: lyon-cfo
 *     password: "$2a$10$..."
 *     role: ENTITY_CFO
 *     entities: [ENT-02, ENT-03]
 *   - name: marie
 *     password: "$2a$10$..."
 *     role: COLLECTOR
 *     collector: COL-007
 * </pre>
 *
 * Checked when loaded: unique names, BCrypt hashes, entities for an ENTITY_CFO, a collector for
 * a COLLECTOR. {@code $smallest} (entities or collector) stands for the smallest id in the
 * served database, resolved per request (the demo users use it).
 */
public final class UsersFile {

    private static final String ACTION = "Fix the users file (format in api/README.md, section Security); "
            + "hash passwords with BCrypt, e.g. htpasswd -nbBC 10 USER PASSWORD";
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");

    /** One user entry as written in the file. */
    public record Entry(String name, String password, Role role, List<String> entities, String collector) {
    }

    /** A loaded user: who it is and its BCrypt hash. */
    public record User(Caller caller, String passwordHash) {
    }

    private UsersFile() {
    }

    public static Map<String, User> load(Resource resource) {
        String description = resource.getDescription();
        if (!resource.exists()) {
            throw new ConfigurationProblem("users file not found: " + description, ACTION);
        }
        List<PropertySource<?>> sources;
        try {
            String name = resource.getFilename() == null ? "users" : resource.getFilename();
            sources = name.endsWith(".properties")
                    ? new PropertiesPropertySourceLoader().load(name, resource)
                    : new YamlPropertySourceLoader().load(name, resource);
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationProblem("cannot read users file " + description + ": " + e.getMessage(), ACTION, e);
        }
        Binder binder = new Binder(ConfigurationPropertySources.from(sources));
        List<Entry> entries = binder.bind("users", Bindable.listOf(Entry.class)).orElse(List.of());
        return check(entries, description);
    }

    static Map<String, User> check(List<Entry> entries, String description) {
        List<String> problems = new ArrayList<>();
        Map<String, User> users = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        int i = 0;
        for (Entry e : entries) {
            String where = "users[" + i++ + "]" + (e.name() == null ? "" : " (" + e.name() + ")");
            if (e.name() == null || e.name().isBlank()) {
                problems.add(where + ": no name");
                continue;
            }
            if (!seen.add(e.name())) {
                problems.add(where + ": duplicate name");
            }
            if (e.password() == null || !BCRYPT.matcher(e.password()).matches()) {
                problems.add(where + ": password must be a BCrypt hash ($2a$…), not a plain password");
            }
            if (e.role() == null) {
                problems.add(where + ": role must be one of GROUP_CFO, ENTITY_CFO, COLLECTOR, ANALYST");
                continue;
            }
            List<String> entities = e.entities() == null ? List.of() : e.entities();
            if (e.role() == Role.ENTITY_CFO && entities.isEmpty()) {
                problems.add(where + ": an ENTITY_CFO needs its entities");
            }
            if (e.role() == Role.COLLECTOR && (e.collector() == null || e.collector().isBlank())) {
                problems.add(where + ": a COLLECTOR needs its collector id");
            }
            users.put(e.name(), new User(new Caller(e.name(), e.role(),
                    e.role() == Role.ENTITY_CFO ? entities : List.of(),
                    e.role() == Role.COLLECTOR ? e.collector() : null), e.password()));
        }
        if (users.isEmpty() && problems.isEmpty()) {
            problems.add("no users");
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationProblem("users file " + description + ": " + String.join("; ", problems), ACTION);
        }
        return users;
    }
}
