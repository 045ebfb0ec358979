"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure).

One test case per finding (failing) and one per clean input (passing), so the CI's test view
lists exactly what to fix; unreadable inputs are `<error>` cases.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from replylint.findings import SourceResult


def render(results: list[SourceResult], color: bool = False) -> str:
    suites = ET.Element("testsuites", name="replylint")
    suite = ET.SubElement(suites, "testsuite", name="replylint")
    tests = failures = errors = 0
    for result in results:
        if result.error:
            tests += 1
            errors += 1
            case = ET.SubElement(suite, "testcase", name="read", classname=result.path)
            ET.SubElement(case, "error", message=result.error).text = result.error
            continue
        if not result.findings:
            tests += 1
            ET.SubElement(suite, "testcase", name="replylint", classname=result.path)
            continue
        for f in result.findings:
            tests += 1
            failures += 1
            case = ET.SubElement(
                suite,
                "testcase",
                name=f"{f.rule_id} at {f.line}:{f.column}",
                classname=result.path,
                file=result.path,
                line=str(f.line),
            )
            failure = ET.SubElement(case, "failure", message=f"{f.message}", type=f.severity)
            failure.text = (
                f"{result.path}:{f.line}:{f.column}: {f.severity} {f.rule_id} {f.message}\n"
                f"text: {f.text}\nsuggestion: {f.suggestion}"
            )
    for element in (suites, suite):
        element.set("tests", str(tests))
        element.set("failures", str(failures))
        element.set("errors", str(errors))
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
