/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mock_ctl.h - test-only control ABI of the mock SCM firmware.
 *
 * Plain #defines only, so a Linux test module can include it as is.
 * Every control call is a fast SMC64 call under the OEM owner:
 *
 *   x0 = MOCK_CTL_FID(fn), x1.. = arguments  ->  x0 = status, x1 = value
 *
 * Status: 0 ok, -1 unknown fn (or every fn, with the scenario's
 * mock_ctl=0), -2 bad key/id/value (nothing changed), -12 refused because
 * calls are parked or resources held (changing K or wq_model).
 */
#ifndef MONITOR_MOCK_CTL_H
#define MONITOR_MOCK_CTL_H

#define MOCK_CTL_FID(fn)		(0xc3000000U | (fn))

/* Functions. */
#define MOCK_CTL_SET			0x01	/* x1 = key, x2 = value */
#define MOCK_CTL_GET_COUNTER		0x02	/* x1 = counter -> x1 value */
#define MOCK_CTL_RESET_COUNTERS		0x03	/* all counters but the live ones to 0 */
#define MOCK_CTL_RELEASE_ALL		0x04	/* stop contender, free every resource */
#define MOCK_CTL_GET			0x05	/* x1 = key -> x1 value */
#define MOCK_CTL_HOLD			0x06	/* x1 = resource: contender takes it now */
#define MOCK_CTL_RELEASE		0x07	/* x1 = resource: contender lets go (wakes) */
#define MOCK_CTL_GET_SAMPLE		0x08	/* x1 = index -> x1 ns, x2 MOCK_SAMPLE_*; -2 past the kept */

/* Scenario keys for SET/GET (the scenario-string name in quotes). */
#define MOCK_KEY_MODE			0x01	/* "mode": MOCK_MODE_* */
#define MOCK_KEY_K			0x02	/* "k": wait-queue contexts, 1..16 */
#define MOCK_KEY_WAKE_ALL		0x03	/* "wake": 0 one, 1 all */
#define MOCK_KEY_GET_INFO		0x04	/* "get_info": 0/1 */
#define MOCK_KEY_SMC64			0x05	/* "smc64": 0 refuses SMC64 SiP calls */
#define MOCK_KEY_HOLD_US		0x06	/* "hold_us": contender hold time */
#define MOCK_KEY_PERIOD_US		0x07	/* "period_us": 0 = contender off */
#define MOCK_KEY_JITTER_US		0x08	/* "jitter_us": +/- on each period */
#define MOCK_KEY_SEED			0x09	/* "seed": PRNG seed (reseeds) */
#define MOCK_KEY_FAULTS			0x0a	/* "faults": MOCK_FAULT_* mask */
#define MOCK_KEY_TRACE			0x0b	/* "trace": protocol trace on secure UART */
#define MOCK_KEY_IRQ_RANDOM		0x0c	/* "interrupt_random": random INTERRUPTED */
#define MOCK_KEY_FAULT_EVERY		0x0d	/* "fault_every": a fault fires every Nth chance */
#define MOCK_KEY_WAKE_INTID		0x0e	/* "wake_intid": 32..1019 */
#define MOCK_KEY_WQ_MODEL		0x0f	/* "wq_model": MOCK_WQ_MODEL_* */
#define MOCK_KEY_ABANDON_US		0x10	/* "abandon_us": woken call expires, 0 never */
#define MOCK_KEY_AVAIL_WAITQ		0x11	/* "avail_waitq": 0 IS_CALL_AVAIL hides WAITQ */
#define MOCK_KEY_UNKNOWN_ANSWER		0x12	/* "unknown_answer": MOCK_UNKNOWN_* */
#define MOCK_KEY_MOCK_CTL		0x13	/* "mock_ctl": 0 turns these calls off */
#define MOCK_KEY_CONTEND		0x14	/* "contend": MOCK_CONTEND_* */
#define MOCK_KEY_HDCP_RES		0x15	/* "hdcp_res": MOCK_HDCP_RES_* */

#define MOCK_WQ_MODEL_CALL		0	/* "call": a context per parked call, K in all */
#define MOCK_WQ_MODEL_RESOURCE		1	/* "resource": context r = resource r */

#define MOCK_UNKNOWN_SMCCC		0	/* "smccc": -1, SMCCC NOT_SUPPORTED */
#define MOCK_UNKNOWN_SCM		1	/* "scm": -4, SCM EOPNOTSUPP */

#define MOCK_CONTEND_PERIODIC		0	/* "periodic": every period_us per resource */
#define MOCK_CONTEND_EACH		1	/* "each": after every normal-world call on r */

#define MOCK_HDCP_RES_SVC		0	/* "svc": HDCP needs resource svc % K */
#define MOCK_HDCP_RES_SESSION		1	/* "session": (first value >> 24) % K */

#define MOCK_MODE_WAITQ			0	/* wait-queue aware: SLEEP/RESUME */
#define MOCK_MODE_SPIN			1	/* legacy: spin at EL3, IRQs masked */
#define MOCK_MODE_BUSY			2	/* legacy: answer -12 busy */

/* Faults (scenario "faults=a,b,..." names in quotes). */
#define MOCK_FAULT_DROP_WAKE		(1U << 0)	/* "drop-wake" */
#define MOCK_FAULT_DOUBLE_WAKE		(1U << 1)	/* "double-wake" */
#define MOCK_FAULT_SPURIOUS_WAKE	(1U << 2)	/* "spurious-wake" */
#define MOCK_FAULT_WQ_UNKNOWN		(1U << 3)	/* "wq-unknown" */
#define MOCK_FAULT_WQ_BADFLAGS		(1U << 4)	/* "wq-badflags" */
#define MOCK_FAULT_WQ_ERROR		(1U << 5)	/* "wq-error" */
#define MOCK_FAULT_RESUME_BUSY		(1U << 6)	/* "resume-busy" */
#define MOCK_FAULT_RESUME_SLEEP		(1U << 7)	/* "resume-sleep" */
#define MOCK_FAULT_FAST_SLEEP		(1U << 8)	/* "fast-sleep" */
#define MOCK_FAULT_BAD_TOKEN		(1U << 9)	/* "bad-token" */
#define MOCK_FAULT_STICKY_MORE		(1U << 10)	/* "sticky-more" */
#define MOCK_FAULT_INTERRUPT		(1U << 11)	/* "interrupt" */
#define MOCK_FAULT_RANDOM		(1U << 12)	/* "random" */

/* Counters for GET_COUNTER. */
#define MOCK_CNT_CALLS			0x01	/* SiP calls, all services */
#define MOCK_CNT_SLEEPS			0x02	/* x0 = 2 answers */
#define MOCK_CNT_RESUMES		0x03	/* RESUME calls */
#define MOCK_CNT_WAKES			0x04	/* wake interrupts raised */
#define MOCK_CNT_GET_WQ_CTX		0x05	/* GET_WQ_CTX answers */
#define MOCK_CNT_FAULTS			0x06	/* faults injected */
#define MOCK_CNT_PARKED			0x07	/* normal-world calls parked now (live) */
#define MOCK_CNT_BUSY			0x08	/* -12 answers */
#define MOCK_CNT_INTERRUPTED		0x09	/* x0 = 1 answers */
#define MOCK_CNT_SPINS			0x0a	/* spin-mode waits at EL3 */
#define MOCK_CNT_TAKES			0x0b	/* contender takes */
#define MOCK_CNT_RESUME_BAD		0x0c	/* RESUME of an unknown smc_call_ctx */
#define MOCK_CNT_ASSIGN_MASK		0x0d	/* dest vmid mask of the last good ASSIGN */
#define MOCK_CNT_SPIN_US		0x0e	/* us spent in spin-mode waits, all CPUs */
#define MOCK_CNT_SPIN_MAX_US		0x0f	/* longest single spin-mode wait, us */
#define MOCK_CNT_PREMATURE		0x10	/* RESUME of a call not woken: SLEEP again */
#define MOCK_CNT_UNFETCHED		0x11	/* RESUME before GET_WQ_CTX fetched its wake */
#define MOCK_CNT_BUFFER_CHANGED		0x12	/* x5 buffer differs at RESUME from at SLEEP */
#define MOCK_CNT_ABANDONED		0x13	/* woken calls / INTERRUPTED tokens expired */
#define MOCK_CNT_NO_CTX			0x14	/* -12 because every context was in use */
#define MOCK_CNT_OVERTAKEN		0x15	/* WAKE_ONE used by a later sleeper (resource model) */
#define MOCK_CNT_PARKED_PEAK		0x16	/* most calls parked at once, both VMs */
#define MOCK_CNT_VM2_PARKS		0x17	/* second-VM calls parked */
#define MOCK_CNT_VM2_BUSY		0x18	/* second-VM calls refused (no context) */
#define MOCK_CNT_HELD			0x19	/* resources held now, bit r (live) */
#define MOCK_CNT_BAD_ARGINFO		0x1a	/* -2 answers for a wrong arginfo */
#define MOCK_CNT_SAMPLES		0x1b	/* wake-to-resume samples taken (GET_SAMPLE) */
#define MOCK_CNT_LAST			MOCK_CNT_SAMPLES
/*
 * Wake-to-resume samples (GET_SAMPLE): the first MOCK_SAMPLES_KEPT of them
 * since RESET_COUNTERS, nanoseconds (u32, saturating) and the kind of
 * firmware that took it (the MOCK_MODE_* value of that mode).
 */
#define MOCK_SAMPLES_KEPT		8192
#define MOCK_SAMPLE_WAITQ		MOCK_MODE_WAITQ	/* "waitq": wake to RESUME */
#define MOCK_SAMPLE_SPIN		MOCK_MODE_SPIN	/* "spin": release to spin end */
#define MOCK_SAMPLE_BUSY		MOCK_MODE_BUSY	/* "busy": release to the retry */

#define MOCK_CNT_SVC(svc)		(0x100 | ((svc) & 0xff))	/* calls per service */
#define MOCK_CNT_REMOTE_STATE(id)	(0x200 | ((id) & 0xf))	/* last SET_REMOTE_STATE */

#endif /* MONITOR_MOCK_CTL_H */
