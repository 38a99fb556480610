package io.encours.api.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * HTTP Basic sends the password with every request and BCrypt costs ~0.1 s of CPU per check on
 * purpose; a dashboard page makes several requests. This remembers successful checks for a
 * short time, keyed by an HMAC (random key, per process) of user name and password: no password
 * or reversible value is kept, failed attempts are never cached (guessing still pays BCrypt),
 * and entries expire after {@code ttl}.
 */
public final class CachingAuthenticationProvider implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 1000;

    private record Entry(Authentication authentication, long expiresAt) {
    }

    private final AuthenticationProvider delegate;
    private final Duration ttl;
    private final Clock clock;
    private final byte[] key = new byte[32];
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    public CachingAuthenticationProvider(AuthenticationProvider delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!(authentication instanceof UsernamePasswordAuthenticationToken) || authentication.getCredentials() == null) {
            return delegate.authenticate(authentication);
        }
        String cacheKey = cacheKey(authentication.getName(), authentication.getCredentials().toString());
        long now = clock.millis();
        Entry entry = cache.get(cacheKey);
        if (entry != null && entry.expiresAt() > now) {
            return entry.authentication();
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            if (cache.size() >= MAX_ENTRIES) {
                evict(now);
            }
            cache.put(cacheKey, new Entry(result, now + ttl.toMillis()));
        }
        return result;
    }

    private void evict(long now) {
        cache.values().removeIf(e -> e.expiresAt() <= now);
        Iterator<String> it = cache.keySet().iterator();
        while (cache.size() >= MAX_ENTRIES && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    private String cacheKey(String user, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
