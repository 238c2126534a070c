#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# make dt_binding_check of firmware/qcom,scm.yaml reports nothing, and the
# project's device tree against the kernel tree's bindings (base plus the
# series): dt-validate must report nothing. The same tree with the wake
# interrupt under a compatible other than qcom,scm-sm8450 must be rejected,
# so the check is known to bite.
set -euo pipefail
. "$(dirname "$0")/../../scripts/lib.sh"

out=$LINE_BUILD/dtcheck
kmake "$KSRC" "$out" DT_SCHEMA_FILES=firmware/qcom,scm.yaml dt_binding_check \
	> "$out.log" 2>&1 || { cat "$out.log"; exit 1; }
# The binding itself and its examples: anything said about qcom,scm.yaml
# (a schema error, a yamllint complaint, an example that does not
# validate) fails the test.
if grep -n "qcom,scm" "$out.log" | grep -v "DTEX\|DTC_CHK\|CHKDT\|SCHEMA"; then
	echo "make dt_binding_check reported problems in firmware/qcom,scm.yaml"
	exit 1
fi
echo "firmware/qcom,scm.yaml: dt_binding_check clean"
schema=$out/Documentation/devicetree/bindings/processed-schema.json

"$TOP/scripts/mkdtb.sh" "$out/virt.dtb" "console=ttyAMA0" 0x48000000 4096
report=$(dt-validate -s "$schema" "$out/virt.dtb" 2>&1)
if [ -n "$report" ]; then
	echo "$report"
	echo "dt-validate reported problems in dts/qemu-virt-scm.dts"
	exit 1
fi
echo "dts/qemu-virt-scm.dts: dt-validate clean"

sed 's/"qcom,scm-sm8450"/"qcom,scm-msm8998"/' "$out/virt.dtb.pre" > "$out/neg.dts"
dtc -q -I dts -O dtb -o "$out/neg.dtb" "$out/neg.dts"
report=$(dt-validate -s "$schema" "$out/neg.dtb" 2>&1)
grep -q "scm: interrupts" <<<"$report" ||
	{ echo "wake interrupt on qcom,scm-msm8998 was not rejected: $report"; exit 1; }
echo "wake interrupt rejected for qcom,scm-msm8998, as required"
