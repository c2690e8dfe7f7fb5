package dev.kept.chat;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link Directory} the core uses: asks the adapter of the person's platform; unknown platforms know no one. */
@Primary
@Component
public class DirectoryRouter implements Directory {

    private final Map<String, PlatformDirectory> byPlatform = new HashMap<>();

    public DirectoryRouter(List<PlatformDirectory> platforms) {
        for (PlatformDirectory d : platforms) {
            if (byPlatform.put(d.platform(), d) != null) {
                throw new IllegalStateException("Two directories for the platform " + d.platform());
            }
        }
    }

    @Override
    public Optional<Profile> lookup(Person person) {
        PlatformDirectory d = byPlatform.get(person.workspace().platform());
        return d == null ? Optional.empty() : d.lookup(person);
    }
}
