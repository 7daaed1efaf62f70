#ifndef MAILZONE_CLDNS_SHIM_H
#define MAILZONE_CLDNS_SHIM_H
// stdbool.h must come first: ldns/common.h otherwise defines bool as signed char
// and every ldns bool imports into Swift as Int8 (LDNS-NOTES.md).
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <ldns/ldns.h>

/// ldns_pkt_get_rcode returns an enum whose values Swift sees as a struct; this keeps it a plain int.
static inline int cldns_pkt_rcode(const ldns_pkt *p) { return (int)ldns_pkt_get_rcode(p); }

#endif
