package org.sealmail.core.keys;

import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.BerReader;
import org.sealmail.core.asn1.Tag;

/**
 * An AlgorithmIdentifier: an OID and its parameters, which each algorithm reads its own way.
 *
 * @param oid        the algorithm
 * @param parameters the parameters element, or null when absent
 */
record AlgorithmId(String oid, BerReader.Element parameters) {

    /** Reads the next AlgorithmIdentifier SEQUENCE from {@code reader}. */
    static AlgorithmId read(BerReader reader) throws SmimeException {
        BerReader sequence = reader.readSequence();
        String oid = sequence.readOid();
        BerReader.Element parameters = sequence.isEmpty() ? null : sequence.readAny();
        sequence.expectEnd("algorithm parameters");
        return new AlgorithmId(oid, parameters);
    }

    /** The parameters as a SEQUENCE to read; refuses absent parameters or another type. */
    BerReader sequenceParameters(String algorithmName) throws SmimeException {
        if (parameters == null || parameters.tagByte() != Tag.SEQUENCE) {
            throw SmimeException.badInput(algorithmName + " parameters are missing or not a SEQUENCE");
        }
        return parameters.children();
    }
}
