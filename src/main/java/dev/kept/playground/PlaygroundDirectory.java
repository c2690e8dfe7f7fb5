package dev.kept.playground;

import dev.kept.chat.Person;
import dev.kept.chat.PlatformDirectory;
import dev.kept.chat.Profile;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Who a playground colleague is: their name and zone, as edited on the page. */
@Component
class PlaygroundDirectory implements PlatformDirectory {

    private final Colleagues colleagues;

    PlaygroundDirectory(Colleagues colleagues) {
        this.colleagues = colleagues;
    }

    @Override
    public String platform() {
        return Colleagues.WORKSPACE.platform();
    }

    @Override
    public Optional<Profile> lookup(Person person) {
        if (!person.workspace().equals(Colleagues.WORKSPACE)) {
            return Optional.empty();
        }
        return colleagues.byId(person.userId())
                .map(c -> new Profile(person, c.displayName(), Colleagues.zone(c), false, true));
    }
}
