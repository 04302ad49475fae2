package io.quotegraph.extraction.speaker;

import io.quotegraph.model.ArticleSpeaker;
import io.quotegraph.model.EntityType;
import io.quotegraph.model.Role;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The mentions of one speaker in one article, merged as they are resolved. */
final class SpeakerCluster {

    private String name;
    private final EntityType type;
    /** False while the speaker is known only by a role ("a State Department spokesman"). */
    private boolean named;
    private final Set<String> aliases = new LinkedHashSet<>();
    private final List<Role> roles = new ArrayList<>();
    private final Set<String> roleHeads = new LinkedHashSet<>();
    private int firstStart;
    private int lastSeen;
    /** An indefinite role at the article's start, waiting for the name that follows. */
    private boolean cataphoric;

    SpeakerCluster(Mention m, int order) {
        this.type = m.type();
        this.named = m.form() == Mention.Form.NAME;
        this.name = m.name();
        this.firstStart = m.span().start();
        add(m, order);
    }

    void add(Mention m, int order) {
        lastSeen = order;
        firstStart = Math.min(firstStart, m.span().start());
        if (m.form() == Mention.Form.NAME) {
            if (!named || fuller(m.name(), name)) {
                name = m.name();
            }
            named = true;
            aliases.add(m.name());
        }
        addRole(m.role(), m.roleHead());
    }

    void touch(int order, int start) {
        lastSeen = order;
        firstStart = Math.min(firstStart, start);
    }

    void absorb(SpeakerCluster other) {
        firstStart = Math.min(firstStart, other.firstStart);
        lastSeen = Math.max(lastSeen, other.lastSeen);
        aliases.addAll(other.aliases);
        for (int i = 0; i < other.roles.size(); i++) {
            addRole(other.roles.get(i), null);
        }
        roleHeads.addAll(other.roleHeads);
    }

    private void addRole(Role role, String head) {
        if (head != null) {
            roleHeads.add(head);
        }
        if (role == null) {
            return;
        }
        for (int i = 0; i < roles.size(); i++) {
            Role r = roles.get(i);
            if (r.title().equalsIgnoreCase(role.title())) {
                if (r.organization() == null && role.organization() != null) {
                    roles.set(i, role);
                }
                return;
            }
        }
        roles.add(role);
        for (String word : role.title().toLowerCase(Locale.ROOT).split(" ")) {
            roleHeads.add(word);
        }
    }

    /** Whether this person can be referred to by the person name {@code other} ("Miller" for "Matthew Miller"). */
    boolean matchesPersonName(String other) {
        if (type != EntityType.PERSON || !named) {
            return false;
        }
        for (String alias : aliases) {
            if (alias.equalsIgnoreCase(other)) {
                return true;
            }
        }
        String[] mine = name.split(" ");
        String[] theirs = other.split(" ");
        boolean sameSurname = mine[mine.length - 1].equalsIgnoreCase(theirs[theirs.length - 1]);
        return sameSurname && (mine.length == 1 || theirs.length == 1);
    }

    boolean hasRoleHead(String head) {
        return head != null && roleHeads.contains(head);
    }

    boolean rolesCompatible(SpeakerCluster other) {
        if (roleHeads.isEmpty() || other.roleHeads.isEmpty()) {
            return true;
        }
        for (String h : other.roleHeads) {
            if (roleHeads.contains(h)) {
                return true;
            }
        }
        return false;
    }

    private static boolean fuller(String candidate, String current) {
        return candidate.split(" ").length > current.split(" ").length;
    }

    ArticleSpeaker toArticleSpeaker(String key) {
        return new ArticleSpeaker(key, name, type, List.copyOf(aliases), roles);
    }

    String name() {
        return name;
    }

    EntityType type() {
        return type;
    }

    boolean named() {
        return named;
    }

    int firstStart() {
        return firstStart;
    }

    int lastSeen() {
        return lastSeen;
    }

    boolean cataphoric() {
        return cataphoric;
    }

    void setCataphoric(boolean cataphoric) {
        this.cataphoric = cataphoric;
    }
}
