/* Encoders for the few RISC-V instructions the self-modifying-code tests generate. */
#ifndef RVENC_H
#define RVENC_H
#include <stdint.h>

enum { ZERO = 0, RA = 1, SP = 2, T0 = 5, T1 = 6, A0 = 10, A1 = 11, A2 = 12 };

static inline uint32_t enc_i(uint32_t op, uint32_t f3, int rd, int rs1, int32_t imm)
{
    return ((uint32_t)imm << 20) | ((uint32_t)rs1 << 15) | (f3 << 12) | ((uint32_t)rd << 7) | op;
}
static inline uint32_t enc_r(uint32_t op, uint32_t f3, uint32_t f7, int rd, int rs1, int rs2)
{
    return (f7 << 25) | ((uint32_t)rs2 << 20) | ((uint32_t)rs1 << 15) | (f3 << 12) | ((uint32_t)rd << 7) | op;
}
static inline uint32_t enc_s(uint32_t op, uint32_t f3, int rs1, int rs2, int32_t imm)
{
    uint32_t u = (uint32_t)imm;
    return ((u >> 5 & 0x7f) << 25) | ((uint32_t)rs2 << 20) | ((uint32_t)rs1 << 15) | (f3 << 12) | ((u & 0x1f) << 7) | op;
}
static inline uint32_t addi(int rd, int rs1, int32_t imm) { return enc_i(0x13, 0, rd, rs1, imm); }
static inline uint32_t li(int rd, int32_t imm) { return addi(rd, ZERO, imm); }
static inline uint32_t add(int rd, int rs1, int rs2) { return enc_r(0x33, 0, 0, rd, rs1, rs2); }
static inline uint32_t sub(int rd, int rs1, int rs2) { return enc_r(0x33, 0, 0x20, rd, rs1, rs2); }
static inline uint32_t mul(int rd, int rs1, int rs2) { return enc_r(0x33, 0, 1, rd, rs1, rs2); }
static inline uint32_t jalr(int rd, int rs1, int32_t imm) { return enc_i(0x67, 0, rd, rs1, imm); }
static inline uint32_t ret(void) { return jalr(ZERO, RA, 0); }
static inline uint32_t auipc(int rd, int32_t imm20) { return ((uint32_t)imm20 << 12) | ((uint32_t)rd << 7) | 0x17; }
static inline uint32_t sw(int rs2, int rs1, int32_t imm) { return enc_s(0x23, 2, rs1, rs2, imm); }
static inline uint32_t fence_i(void) { return 0x0000100f; }
static inline uint32_t nop(void) { return addi(ZERO, ZERO, 0); }
/* 16-bit encodings */
static inline uint16_t c_li(int rd, int imm6) { return (uint16_t)(0x4001 | ((imm6 & 0x20) << 7) | (rd << 7) | ((imm6 & 0x1f) << 2)); }
static inline uint16_t c_addi(int rd, int imm6) { return (uint16_t)(0x0001 | ((imm6 & 0x20) << 7) | (rd << 7) | ((imm6 & 0x1f) << 2)); }
static inline uint16_t c_jr_ra(void) { return 0x8082; }
static inline uint16_t c_nop(void) { return 0x0001; }

#endif
