//! Replacing the output directory in one step, so a run that dies leaves the previous output
//! intact and never a half-written one.
//!
//! The new output is written into a hidden temporary directory beside `--out` (same filesystem, so
//! `rename` is atomic), then renamed into place. An existing `--out` is first renamed aside and
//! removed after the swap; between those two renames `--out` is briefly absent, never mixed.
//!
//! An existing `--out` is only replaced when it is empty or holds a previous storysift output (a
//! `summary.json`), so a mistyped `--out ~/Documents` cannot delete someone's files.

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};

/// Check that `out` may be replaced; called before any work is done.
pub fn check_replaceable(out: &Path) -> Result<(), String> {
    match std::fs::symlink_metadata(out) {
        Err(_) => Ok(()),
        Ok(m) if !m.is_dir() => Err(format!("{} exists and is not a directory", out.display())),
        Ok(_) => {
            let mut entries = std::fs::read_dir(out)
                .map_err(|e| format!("{}: {}", out.display(), crate::input::walk::io_reason(&e)))?;
            if entries.next().is_none() || out.join("summary.json").is_file() {
                Ok(())
            } else {
                Err(format!(
                    "{} exists and is not a storysift output (no summary.json); \
                     refusing to replace it. Choose a new or empty --out directory",
                    out.display()
                ))
            }
        }
    }
}

/// Run `fill` on a fresh temporary directory, then move it to `out`.
pub fn replace_dir(out: &Path, fill: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let tmp = sibling(out, "tmp")?;
    if tmp.exists() {
        std::fs::remove_dir_all(&tmp)
            .with_context(|| format!("removing stale {}", tmp.display()))?;
    }
    std::fs::create_dir_all(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
    if let Err(e) = fill(&tmp) {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(e);
    }
    let old = sibling(out, "old")?;
    let had_old = out.exists();
    if had_old {
        if old.exists() {
            std::fs::remove_dir_all(&old)
                .with_context(|| format!("removing stale {}", old.display()))?;
        }
        std::fs::rename(out, &old).with_context(|| format!("moving aside {}", out.display()))?;
    }
    if let Err(e) = std::fs::rename(&tmp, out) {
        if had_old {
            let _ = std::fs::rename(&old, out);
        }
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(e).with_context(|| format!("moving the new output into {}", out.display()));
    }
    if had_old {
        std::fs::remove_dir_all(&old)
            .with_context(|| format!("removing the old {}", old.display()))?;
    }
    Ok(())
}

/// `.NAME.storysift-KIND-PID` in the same parent directory as `out`.
fn sibling(out: &Path, kind: &str) -> Result<PathBuf> {
    let Some(name) = out.file_name() else {
        bail!("--out {} has no directory name", out.display());
    };
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Ok(parent.join(format!(
        ".{}.storysift-{kind}-{}",
        name.to_string_lossy(),
        std::process::id()
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failed_fill_keeps_the_old_output() {
        let d = tempfile::tempdir().unwrap();
        let out = d.path().join("out");
        replace_dir(&out, |t| Ok(std::fs::write(t.join("summary.json"), "1")?)).unwrap();
        let r = replace_dir(&out, |t| {
            std::fs::write(t.join("summary.json"), "2")?;
            bail!("disk full")
        });
        assert!(r.is_err());
        assert_eq!(
            std::fs::read_to_string(out.join("summary.json")).unwrap(),
            "1"
        );
        let left: Vec<_> = std::fs::read_dir(d.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary directory left behind");
    }

    #[test]
    fn refuses_to_replace_a_foreign_directory() {
        let d = tempfile::tempdir().unwrap();
        assert!(check_replaceable(&d.path().join("new")).is_ok());
        assert!(check_replaceable(d.path()).is_ok(), "empty is fine");
        std::fs::write(d.path().join("thesis.tex"), "x").unwrap();
        assert!(check_replaceable(d.path())
            .unwrap_err()
            .contains("not a storysift output"));
        std::fs::write(d.path().join("summary.json"), "{}").unwrap();
        assert!(check_replaceable(d.path()).is_ok());
    }
}
