package io.encours.api.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A users-file user as Spring Security sees it; carries the {@link Caller}. */
public final class EncoursUser implements UserDetails, CredentialsContainer {

    private final Caller caller;
    private String passwordHash;

    public EncoursUser(Caller caller, String passwordHash) {
        this.caller = caller;
        this.passwordHash = passwordHash;
    }

    public Caller caller() {
        return caller;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(caller.role().authority());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return caller.name();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "EncoursUser[" + caller.name() + ", " + caller.role() + "]";
    }
}
