/**
 * The batch seal (answer form {@code batch-seal}): one gateway signature, time-stamped, over a
 * Merkle tree of many answers, the way X-Road signs batches of messages. {@link
 * kz.shlyuz.proto.seal.MerkleTree} builds trees and inclusion proofs, {@link
 * kz.shlyuz.gateway.seal.AnswerSealer} gathers the answers finishing together and signs each batch
 * once. The wire format and the four verification steps are in {@code envelope.proto}
 * ({@code AnswerSeal}); {@link kz.shlyuz.gateway.seal.AnswerSeals} verifies a sealed answer with
 * the gateway's own signature verifier (the client library's check, {@link
 * kz.shlyuz.client.AnswerSeals}, refusing as the gateway refuses).
 */
package kz.shlyuz.gateway.seal;
