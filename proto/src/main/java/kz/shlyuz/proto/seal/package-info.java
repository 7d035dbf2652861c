/**
 * The two parts of the answer contract a {@code .proto} file cannot state, shared by the gateway
 * that seals answers and the clients that verify them: the request header that chooses the answer
 * form ({@link kz.shlyuz.proto.seal.AnswerForm}) and the hashing of the batch seal's Merkle tree
 * ({@link kz.shlyuz.proto.seal.MerkleTree}). The seal's wire format and its four verification steps
 * are in {@code envelope.proto} ({@code AnswerSeal}).
 */
package kz.shlyuz.proto.seal;
