package kz.shlyuz.gateway.ops.tracing;

import io.grpc.Metadata;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.gateway.config.OpsSettings;

/**
 * OpenTelemetry for one gateway. The caller's W3C {@code traceparent} is always honoured and
 * passed on to the adapters (that costs a header parse); spans are recorded and exported over
 * OTLP/HTTP only when {@code ops.tracing.otlpEndpoint} is set, so with tracing off there is no
 * SDK, no span objects and no export thread.
 */
public final class Tracing implements AutoCloseable {
    /** The W3C trace-context header, as gRPC metadata. */
    public static final Metadata.Key<String> TRACEPARENT =
            Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);

    public static final TextMapGetter<Metadata> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Metadata carrier) {
            return carrier.keys();
        }

        @Override
        public String get(Metadata carrier, String key) {
            return carrier == null ? null : carrier.get(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER));
        }
    };

    public static final TextMapSetter<Metadata> SETTER = (carrier, key, value) -> {
        if (carrier != null) {
            carrier.put(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER), value);
        }
    };

    private final OpenTelemetrySdk sdk;
    private final Tracer tracer;

    private Tracing(OpenTelemetrySdk sdk) {
        this.sdk = sdk;
        this.tracer = sdk == null ? null : sdk.getTracer("kz.shlyuz.gateway");
    }

    public static Tracing start(OpsSettings.Tracing settings) {
        if (!settings.enabled()) {
            return new Tracing(null);
        }
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint(settings.otlpEndpoint().toString())
                .setTimeout(5, TimeUnit.SECONDS)
                .build();
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault()
                        .merge(Resource.create(
                                Attributes.of(AttributeKey.stringKey("service.name"), settings.serviceName()))))
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(settings.sampleRatio())))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter)
                        .setScheduleDelay(1, TimeUnit.SECONDS)
                        .build())
                .build();
        return new Tracing(
                OpenTelemetrySdk.builder().setTracerProvider(provider).build());
    }

    /** The propagator of trace context on gRPC metadata (W3C {@code traceparent}, {@code tracestate}). */
    public TextMapPropagator propagator() {
        return W3CTraceContextPropagator.getInstance();
    }

    /** The tracer, or null when tracing is off (no spans are made). */
    public Tracer tracer() {
        return tracer;
    }

    public boolean enabled() {
        return sdk != null;
    }

    /** The header names the propagator writes, for documentation and tests. */
    public static List<String> fields() {
        return List.copyOf(W3CTraceContextPropagator.getInstance().fields());
    }

    /** Exports what is still buffered, then stops. */
    @Override
    public void close() {
        if (sdk != null) {
            sdk.getSdkTracerProvider().forceFlush().join(5, TimeUnit.SECONDS);
            sdk.shutdown().join(5, TimeUnit.SECONDS);
        }
    }
}
