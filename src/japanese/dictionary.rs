//! The IPADIC dictionary compiled into the binary by build.rs (see dictionary/ipadic/).

lindera_dictionary::embedded_dictionary!("/ipadic", EmbeddedIpadicLoader);
