package kz.shlyuz.adapters.server;

import io.grpc.stub.StreamObserver;
import kz.shlyuz.adapters.agency.AgencyDefinition;
import kz.shlyuz.adapters.dispatch.Dispatcher;
import kz.shlyuz.proto.v1.AgencyAdapterGrpc;
import kz.shlyuz.proto.v1.AgencyDescription;
import kz.shlyuz.proto.v1.AgencyRequest;
import kz.shlyuz.proto.v1.DescribeRequest;
import kz.shlyuz.proto.v1.SignedResponse;

/**
 * {@code shlyuz.v1.AgencyAdapter}: hands requests to the {@link Dispatcher} and describes the
 * agency. What the dispatcher throws is turned into a status by {@link RefusalInterceptor}.
 */
public final class AgencyAdapterService extends AgencyAdapterGrpc.AgencyAdapterImplBase {
    private final AgencyDefinition agency;
    private final Dispatcher dispatcher;

    public AgencyAdapterService(AgencyDefinition agency, Dispatcher dispatcher) {
        this.agency = agency;
        this.dispatcher = dispatcher;
    }

    @Override
    public void handle(AgencyRequest request, StreamObserver<SignedResponse> responses) {
        SignedResponse response = dispatcher.handle(request);
        responses.onNext(response);
        responses.onCompleted();
    }

    @Override
    public void describe(DescribeRequest request, StreamObserver<AgencyDescription> responses) {
        responses.onNext(AgencyDescription.newBuilder()
                .setAgency(agency.name())
                .setTitleKk(agency.titleKk())
                .setTitleRu(agency.titleRu())
                .addAllOperations(agency.operationNames())
                .build());
        responses.onCompleted();
    }
}
