//! The DDL of every retail contract runs in a real PostgreSQL: a throwaway cluster (`initdb` in a temporary
//! folder, started with `pg_ctl` on loopback and a free port; as root, through `runuser -u postgres`), one schema
//! per contract, all files in one `psql -v ON_ERROR_STOP=1` session. Without PostgreSQL the test fails and says to
//! run `scripts/setup`, which installs it, as CI does.

use crate::support::{TestResult, example};
use meshwright::artefacts::{ArtefactKind, write};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The folder of PostgreSQL's server programs: Debian keeps them in /usr/lib/postgresql/N/bin.
fn server_programs() -> Option<PathBuf> {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|entry| entry.ok().map(|entry| entry.path().join("bin")))
        .filter(|bin| bin.join("initdb").is_file() && bin.join("pg_ctl").is_file())
        .collect();
    versions.sort();
    versions.pop()
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|output| String::from_utf8_lossy(&output.stdout).trim() == "0")
}

/// Runs a server program as a user PostgreSQL accepts (it refuses to run as root).
fn server_command(program: &Path, as_postgres: bool) -> Command {
    if as_postgres {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(program);
        command
    } else {
        Command::new(program)
    }
}

/// Stops the cluster when the test ends, however it ends.
struct Cluster {
    pg_ctl: PathBuf,
    data: PathBuf,
    as_postgres: bool,
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = server_command(&self.pg_ctl, self.as_postgres)
            .arg("-D")
            .arg(&self.data)
            .args(["-m", "immediate", "-w", "stop"])
            .output();
    }
}

fn checked(mut command: Command, what: &str) -> Result<String, Box<dyn std::error::Error>> {
    let output = command.output().map_err(|error| format!("cannot run {what}: {error}"))?;
    if !output.status.success() {
        return Err(format!(
            "{what} failed:\n{}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
        .into());
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn every_retail_contract_ddl_runs_in_postgresql() -> TestResult {
    let bin = server_programs().ok_or(
        "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run scripts/setup, which installs the \
         Debian package `postgresql`, then run the tests again",
    )?;
    let as_postgres = is_root();
    let scratch = tempfile::tempdir()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The server's user must reach its data folder and socket here.
        std::fs::set_permissions(scratch.path(), std::fs::Permissions::from_mode(0o777))?;
    }
    let data = scratch.path().join("data");
    let mut initdb = server_command(&bin.join("initdb"), as_postgres);
    initdb.arg("-D").arg(&data).args(["-U", "meshwright", "--auth=trust", "-E", "UTF8", "--no-sync", "-N"]);
    initdb.arg("--locale=C");
    checked(initdb, "initdb")?;
    let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let options = format!(
        "-k {} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off",
        scratch.path().display()
    );
    let mut start = server_command(&bin.join("pg_ctl"), as_postgres);
    start.arg("-D").arg(&data).arg("-l").arg(scratch.path().join("server.log")).args(["-o", &options, "-w", "start"]);
    checked(start, "pg_ctl start").map_err(|error| {
        let log = std::fs::read_to_string(scratch.path().join("server.log")).unwrap_or_default();
        format!("{error}\nserver log:\n{log}")
    })?;
    let _cluster = Cluster { pg_ctl: bin.join("pg_ctl"), data: data.clone(), as_postgres };

    let mesh = meshwright::design::load(&example("retail"))?;
    let sql = scratch.path().join("sql");
    write(&mesh, ArtefactKind::Sql, &sql, &|_, _| {})?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&sql, std::fs::Permissions::from_mode(0o755))?;
    }
    let mut script = String::from("\\set ON_ERROR_STOP 1\n");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&sql)?.map(|entry| entry.map(|entry| entry.path())).collect::<Result<_, _>>()?;
    files.sort();
    assert_eq!(files.len(), mesh.contracts.len(), "one DDL file per contract");
    for (index, file) in files.iter().enumerate() {
        script.push_str(&format!(
            "CREATE SCHEMA contract_{index};\nSET search_path TO contract_{index};\n\\echo {}\n\\i {}\n",
            file.display(),
            file.display()
        ));
    }
    script.push_str(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema LIKE 'contract\\_%';\n\
         SELECT count(*) FROM pg_description d JOIN pg_class c ON c.oid = d.objoid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname LIKE 'contract\\_%';\n",
    );
    let script_path = scratch.path().join("all.sql");
    std::fs::write(&script_path, script)?;
    let psql = bin.join("psql");
    let psql = if psql.is_file() { psql } else { PathBuf::from("psql") };
    let mut command = Command::new(psql);
    command
        .args(["-h", "127.0.0.1", "-p", &port.to_string(), "-U", "meshwright", "-d", "postgres"])
        .args(["-v", "ON_ERROR_STOP=1", "-X", "-q", "-t", "-A", "-f"])
        .arg(&script_path);
    let output = checked(command, "psql with the retail DDL")?;
    let counts: Vec<usize> = output.lines().filter_map(|line| line.trim().parse().ok()).collect();
    let tables: usize = mesh.contracts.values().map(|contract| contract.schema.len()).sum();
    assert_eq!(counts.first(), Some(&tables), "every object became a table:\n{output}");
    assert!(counts.get(1).is_some_and(|comments| *comments > tables * 5), "descriptions became comments:\n{output}");
    Ok(())
}
