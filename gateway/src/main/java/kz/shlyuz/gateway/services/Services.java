package kz.shlyuz.gateway.services;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The service registry: every {@link Service}'s definition, looked up by its wire id. Admission,
 * routing, the process engine and the shipped configuration all read it.
 */
public final class Services {
    private static final Services STANDARD = new Services();

    /** By wire id; a hash lookup, since admission asks it on every request. */
    private final Map<String, ServiceDefinition> byId;

    private Services() {
        Map<String, ServiceDefinition> all = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            all.put(service.id(), service.define());
        }
        this.byId = java.util.Collections.unmodifiableMap(all);
    }

    /** The nine services of the regulations (seeds 000–004). Definitions are immutable, so one registry serves all. */
    public static Services standard() {
        return STANDARD;
    }

    /** The service with this wire id. */
    public Optional<ServiceDefinition> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** The definition of {@code service}. */
    public ServiceDefinition get(Service service) {
        return byId.get(service.id());
    }

    /** The process of an asynchronous service, for a case of it; an error names a service without one. */
    public ProcessDefinition process(String id) {
        ServiceDefinition d = byId.get(id);
        if (d == null || d.process() == null) {
            throw new IllegalStateException(id + " has no process");
        }
        return d.process();
    }

    /** Every definition, in the order of {@link Service}. */
    /** Every service id (metrics tag only these, so callers cannot invent label values). */
    public Set<String> ids() {
        return Collections.unmodifiableSet(byId.keySet());
    }

    public List<ServiceDefinition> all() {
        return List.copyOf(byId.values());
    }

    /** The ids of the services the shipped configuration lets {@code sender} use, in the order of {@link Service}. */
    public Set<String> defaultServicesOf(String sender) {
        Set<String> ids = new LinkedHashSet<>();
        for (ServiceDefinition d : byId.values()) {
            if (d.allowsByDefault(sender)) {
                ids.add(d.id());
            }
        }
        return ids;
    }

    @Override
    public String toString() {
        return "Services" + Arrays.toString(Service.values());
    }
}
