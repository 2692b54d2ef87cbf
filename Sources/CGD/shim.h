#ifndef REPORT_CGD_SHIM_H
#define REPORT_CGD_SHIM_H
#include <gd.h>
#include <gdfontl.h>
#endif
