// SPDX-License-Identifier: GPL-2.0
/*
 * A module built out of tree against build/kernel, as the README tells
 * users to do, and loaded in the guest by tests/harness/user-module.sh.
 */
#include <linux/module.h>

static int __init hello_payload_init(void)
{
	pr_info("hello_payload: loaded\n");
	return 0;
}
module_init(hello_payload_init);

static void __exit hello_payload_exit(void)
{
	pr_info("hello_payload: unloaded\n");
}
module_exit(hello_payload_exit);

MODULE_DESCRIPTION("Out-of-tree module smoke test for the QEMU harness");
MODULE_LICENSE("GPL");
