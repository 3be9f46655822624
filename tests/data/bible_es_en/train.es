EN el principio crió Dios los cielos y la tierra.
Y fué la tarde y la mañana el día quinto.
Y estaban ambos desnudos, Adam y su mujer, y no se avergonzaban.
Y aconteció andando el tiempo, que Caín trajo del fruto de la tierra una ofrenda á Jehová.
Y vivió Seth ciento y cinco años, y engendró á Enós.
Y vivió Jared ciento sesenta y dos años, y engendró á Henoch.
Y vivió Lamech ciento ochenta y dos años, y engendró un hijo:
Y corrompióse la tierra delante de Dios, y estaba la tierra llena de violencia.
Quince codos en alto prevalecieron las aguas; y fueron cubiertos los montes.
Sal del arca tú, y tu mujer, y tus hijos, y las mujeres de tus hijos contigo.
Estos tres son los hijos de Noé; y de ellos fué llena toda la tierra.
Y fueron todos los días de Noé novecientos y cincuenta años; y murió.
De aquesta tierra salió Assur, y edificó á Nínive, y á Rehoboth, y á Calah,
Estos son los hijos de Châm por sus familias, por sus lenguas, en sus tierras, en sus naciones.
Y á Ophir, y á Havila, y á Jobad: todos estos fueron hijos de Joctán.
Y Arphaxad vivió treinta y cinco años, y engendró á Sala.
Y murió Harán antes que su padre Thare en la tierra de su naturaleza, en Ur de los Caldeos.
Al lugar del altar que había hecho allí antes: é invocó allí Abram el nombre de Jehová.
Tomaron también á Lot, hijo del hermano de Abram, que moraba en Sodoma, y su hacienda, y se fueron.
Mas también á la gente á quien servirán, juzgaré yo; y después de esto saldrán con grande riqueza.
Díjole también el ángel de Jehová: Multiplicaré tanto tu linaje, que no será contado á causa de la muchedumbre.
Y dijo Abraham á Dios: Ojalá Ismael viva delante de ti.
Y le dijeron: ¿Dónde está Sara tu mujer? Y él respondió: Aquí en la tienda.
Entonces Lot salió á ellos á la puerta, y cerró las puertas tras sí,
Y concibieron las dos hijas de Lot, de su padre.
Y VISITÓ Jehová á Sara, como había dicho, é hizo Jehová con Sara como había hablado.
Y también al hijo de la sierva pondré en gente, porque es tu simiente.
Y dijo Abimelech á Abraham: ¿Qué significan esas siete corderas que has puesto aparte?
Entonces el ángel de Jehová le dió voces del cielo, y dijo: Abraham, Abraham. Y él respondió: Heme aquí.
Y FUÉ la vida de Sara ciento veintisiete años: tantos fueron los años de la vida de Sara.
Y Abraham le dijo: Guárdate que no vuelvas á mi hijo allá.
Y Rebeca tenía un hermano que se llamaba Labán, el cual corrió afuera al hombre, á la fuente;
Entonces dejaron ir á Rebeca su hermana, y á su nodriza, y al criado de Abraham y á sus hombres.
Y estos fueron los días de vida que vivió Abraham: ciento setenta y cinco años.
Y amó Isaac á Esaú, porque comía de su caza; mas Rebeca amaba á Jacob.
Y sembró Isaac en aquella tierra, y halló aquel año ciento por uno: y bendíjole Jehová.
Y Abimelech vino á él desde Gerar, y Ahuzzath, amigo suyo, y Phicol, capitán de su ejército.
Y Jacob dijo á Rebeca su madre: He aquí, Esaú mi hermano es hombre velloso, y yo lampiño:
Ahora pues, hijo mío, obedece á mi voz; levántate, y húyete á Labán mi hermano, á Harán;
Y llamó el nombre de aquel lugar Beth-el, bien que Luz era el nombre de la ciudad primero.
Y Labán le dijo: Ciertamente hueso mío y carne mía eres. Y estuvo con él el tiempo de un mes.
Y Labán respondió: No se hace así en nuestro lugar, que se dé la menor antes de la mayor.
Y Zilpa, sierva de Lea, parió á Jacob un hijo.
Y concibió, y parió un hijo: y dijo: Quitado ha Dios mi afrenta:
Y acreció el varón muy mucho, y tuvo muchas ovejas, y siervas y siervos, y camellos y asnos.
Y Labán había ido á trasquilar sus ovejas: y Rachêl hurtó los ídolos de su padre.
Porque Labán dijo: Este majano es testigo hoy entre mí y entre ti; por eso fué llamado su nombre Galaad;
Y pasó el presente delante de él; y él durmió aquella noche en el campamento.
Y dijo: Anda, y vamos; y yo iré delante de ti.
Y los hijos de Jacob vinieron á los muertos, y saquearon la ciudad; por cuanto habían amancillado á su hermana.
Y puso Jacob un título sobre su sepultura: este es el título de la sepultura de Rachêl hasta hoy.
Y Ada parió á Esaú á Eliphaz; y Basemath parió á Reuel.
Y los hijos de Sobal fueron Alván, Manahath, Ebal, Sepho, y Onán.
Y murió Jobab, y en su lugar reinó Husam, de tierra de Temán.
Y él les dijo: Oíd ahora este sueño que he soñado:
Entonces Judá dijo á sus hermanos: ¿Qué provecho el que matemos á nuestro hermano y encubramos su muerte?
Y Judá tomó mujer para su primogénito Er, la cual se llamaba Thamar.
Mas Jehová fué con José, y fué varón prosperado: y estaba en la casa de su señor el Egipcio.
Y díjole José: Esta es su declaración: Los tres sarmientos son tres días:
Y yo y él vimos un sueño una misma noche: cada uno soñó conforme á la declaración de su sueño.
He aquí vienen siete años de grande hartura en toda la tierra de Egipto:
Y descendieron los diez hermanos de José á comprar trigo á Egipto.
Y al tercer día díjoles José: Haced esto, y vivid: Yo temo á Dios:
Que si no nos hubiéramos detenido, cierto ahora hubiéramos ya vuelto dos veces.
Y como él los alcanzó, díjoles estas palabras.
Y dijo nuestro padre: Volved á comprarnos un poco de alimento.
Y subieron de Egipto, y llegaron á la tierra de Canaán á Jacob su padre.
Y los hijos de Gad: Ziphión, y Aggi, y Ezbón, y Suni, y Heri, y Arodi, y Areli.
Entonces Faraón habló á José, diciendo: Tu padre y tus hermanos han venido á ti;
Entonces José los sacó de entre sus rodillas, é inclinóse á tierra.
Gad, ejército lo acometerá; mas él acometerá al fin.
Y mandó José á sus médicos familiares que embalsamasen á su padre: y los médicos embalsamaron á Israel.
Rubén, Simeón, Leví y Judá;
Y Dios hizo bien á las parteras: y el pueblo se multiplicó, y se corroboraron en gran manera.
Y oyó Dios el gemido de ellos, y acordóse de su pacto con Abraham, Isaac y Jacob.
Y dirás á Faraón: Jehová ha dicho así: Israel es mi hijo, mi primogénito.
Habló todavía Dios á Moisés, y díjole: Yo soy JEHOVÁ;
Cuando Jehová habló á Moisés en la tierra de Egipto,
Y tornando Faraón volvióse á su casa, y no puso su corazón aun en esto.
Y yo pondré redención entre mi pueblo y el tuyo. Mañana será esta señal.
¿Todavía te ensalzas tú contra mi pueblo, para no dejarlos ir?
Mas Jehová endureció el corazón de Faraón, y no quiso dejarlos ir.
Y los hijos de Israel se fueron, é hicieron puntualmente así; como Jehová había mandado á Moisés y á Aarón.
Así lo hicieron todos los hijos de Israel; como mandó Jehová á Moisés y á Aarón, así lo hicieron.
Y HABLÓ Jehová á Moisés, diciendo:
Tu diestra, oh Jehová, ha sido magnificada en fortaleza; tu diestra, oh Jehová, ha quebrantado al enemigo.
Y Jehová habló á Moisés, diciendo:
Así el pueblo reposó el séptimo día.
Y dijo: Por cuanto la mano sobre el trono de Jehová, Jehová tendrá guerra con Amalec de generación en generación.
Y descendió Moisés del monte al pueblo, y santificó al pueblo; y lavaron sus vestidos.
Y que hago misericordia en millares á los que me aman, y guardan mis mandamientos.
Y ESTOS son los derechos que les propondrás.
Ojo por ojo, diente por diente, mano por mano, pie por pie,
Y al extranjero no engañarás, ni angustiarás, porque extranjeros fuisteis vosotros en la tierra de Egipto.
De palabra de mentira te alejarás, y no matarás al inocente y justo; porque yo no justificaré al impío.
Y subieron Moisés y Aarón, Nadab y Abiú, y setenta de los ancianos de Israel;
Piedras de onix, y piedras de engastes, para el ephod, y para el racional.
Los anillos estarán antes de la moldura, por lugares de las varas, para llevar la mesa.
Y harás para el tabernáculo tablas de madera de Sittim, que estén derechas.
Y alzarás el tabernáculo conforme á su traza que te fué mostrada en el monte.
Y harás vestidos sagrados á Aarón tu hermano, para honra y hermosura.
El tercer orden, un rubí, un ágata, y una amatista;
Y tomarás el aceite de la unción, y derramarás sobre su cabeza, y le ungirás.
Y habitaré entre los hijos de Israel, y seré su Dios.
Habló más Jehová á Moisés, diciendo:
Como la confección que harás, no os haréis otra según su composición: te será cosa sagrada para Jehová.
Habló además Jehová á Moisés, diciendo:
Y Jehová hirió al pueblo, porque habían hecho el becerro que formó Aarón.
Después apartaré mi mano, y verás mis espaldas; mas no se verá mi rostro.
Y cárdeno, y púrpura, y carmesí, y lino fino, y pelo de cabras;
El candelero de la luminaria, y sus vasos, y sus candilejas, y el aceite para la luminaria;
Vinieron, por tanto, todos los maestros que hacían toda la obra del santuario, cada uno de la obra que hacía.
Cada tabla tenía dos quicios enclavijados el uno delante del otro: así hizo todas las tablas del tabernáculo.
Hizo también las varas de madera de Sittim, y cubriólas de oro.
De un talento de oro puro lo hizo, con todos sus vasos.
Y todas las estacas del tabernáculo y del atrio alrededor fueron de metal.
Hicieron también sobre el racional las cadenas pequeñas de hechura de trenza, de oro puro.
Y JEHOVÁ habló á Moisés, diciendo:
Y Moisés hizo conforme á todo lo que Jehová le mandó; así lo hizo.
Y encendió sobre él el perfume aromático; como Jehová había mandado á Moisés.
Y desollará el holocausto, y lo dividirá en sus piezas.
Y HABLÓ Jehová á Moisés, diciendo:
Es infracción, y ciertamente delinquió contra Jehová.
Todo varón de entre los sacerdotes la comerá: es cosa santísima.
Además, ninguna sangre comeréis en todas vuestras habitaciones, así de aves como de bestias.
Púsole luego encima el racional, y en él puso el Urim y Thummim.
Entonces llegóse Aarón al altar; y degolló su becerro de la expiación que era por él.
Y Jehová habló á Aarón, diciendo:
También el puerco, porque tiene pezuñas, y es de pezuñas hendidas, mas no rumia, tendréislo por inmundo.
Y el calamón, y el cisne, y el onocrótalo,
Y todo reptil que va arrastrando sobre la tierra, es abominación; no se comerá.
Y cuando en la carne, en su piel, hubiere apostema, y se sanare,
Y el sacerdote mirará la plaga, y encerrará la cosa plagada por siete días.
Y degollará la una avecilla en una vasija de barro sobre aguas vivas:
Y hará allegar Aarón el macho cabrío sobre el cual cayere la suerte por Jehová, y ofrecerálo en expiación.
Ningún varón se allegue á ninguna cercana de su carne, para descubrir su desnudez: Yo Jehová.
No te echarás con varón como con mujer: es abominación.
Y no juraréis en mi nombre con mentira, ni profanarás el nombre de tu Dios: Yo Jehová.
Y HABLÓ Jehová á Moisés diciendo:
Y Jehová habló á Moisés, diciendo:
Y habló Jehová á Moisés, diciendo:
En el mes primero, á los catorce del mes, entre las dos tardes, pascua es de Jehová.
Ninguna obra haréis: estatuto perpetuo es por vuestras edades en todas vuestras habitaciones.
Y pusiéronlo en la cárcel, hasta que les fuese declarado por palabra de Jehová.
Seis años sembrarás tu tierra, y seis años podarás tu viña, y cogerás sus frutos;
Mas la tierra del ejido de sus ciudades no se venderá, porque es perpetua posesión de ellos.
Porque yo me volveré á vosotros, y os haré crecer, y os multiplicaré, y afirmaré mi pacto con vosotros:
Yo procederé con vosotros en contra y con ira, y os castigaré aun siete veces por vuestros pecados.
Y si santificare alguno á Jehová la tierra que él compró, que no era de la tierra de su herencia,
De Zabulón, Eliab hijo de Helón.
Como Jehová lo había mandado á Moisés; y contólos en el desierto de Sinaí.
Los contados de ellos, de la tribu de Manasés, treinta y dos mil y doscientos.
E hicieron los hijos de Israel conforme á todas las cosas que mandó Jehová á Moisés; así lo hicieron.
Y la tribu de Gad: y el jefe de los hijos de Gad, Eliasaph hijo de Rehuel;
Y la tribu de Nephtalí: y el jefe de los hijos de Nephtalí, Ahira hijo de Enán;
Y Moisés los contó conforme á la palabra de Jehová, como le fué mandado.
De Merari, la familia Mahalítica, y la familia Musítica: estas son las familias de Merari.
Y lo pondrán con todos sus vasos en una cubierta de pieles de tejones, y lo colocarán sobre unas parihuelas.
Este será el oficio de las familias de Gersón, para ministrar y para llevar:
Y JEHOVÁ habló á Moisés, diciendo:
Esta es la ley de los celos, cuando la mujer hiciere traición á su marido, y se amancillare;
Haga resplandecer Jehová su rostro sobre ti, y haya de ti misericordia:
Un becerro, un carnero, un cordero de un año para holocausto;
Un becerro, un carnero, un cordero de un año para holocausto;
Un becerro, un carnero, un cordero de un año para holocausto;
Un becerro, un carnero, un cordero de un año para holocausto;
Un becerro, un carnero, un cordero de un año para holocausto;
Un becerro, un carnero, un cordero de un año para holocausto;
Toma á los Levitas de entre los hijos de Israel, y expíalos.
Y habló Moisés á los hijos de Israel, para que hiciesen la pascua.
Empero cuando hubiereis de juntar la congregación, tocaréis, mas no con sonido de alarma.
Y sobre el ejército de la tribu de los hijos de Benjamín, Abidán hijo de Gedeón.
Y llamó á aquel lugar Taberah; porque el fuego de Jehová se encendió en ellos.
Y recogióse Moisés al campo, él y los ancianos de Israel.
ENTONCES toda la congregación alzaron grita, y dieron voces: y el pueblo lloró aquella noche.
Y Moisés dijo estas cosas á todos los hijos de Israel, y el pueblo se enlutó mucho.
De las primicias de vuestras masas daréis á Jehová ofrenda por vuestras generaciones.
Para que os acordéis, y hagáis todos mis mandamientos, y seáis santos á vuestro Dios.
Entonces Jehová habló á Moisés, diciendo:
Y púsose entre los muertos y los vivos; y cesó la mortandad.
Todo lo consagrado por voto en Israel será tuyo.
Y como no hubiese agua para la congregación, juntáronse contra Moisés y Aarón.
Toma á Aarón y á Eleazar su hijo, y hazlos subir al monte de Hor;
Y de Mathana á Nahaliel: y de Nahaliel á Bamoth:
Y Balaam respondió á Dios: Balac hijo de Zippor, rey de Moab, ha enviado á mí diciendo:
Y BALAAM dijo á Balac: Edifícame aquí siete altares, y prepárame aquí siete becerros y siete carneros.
Dios los ha sacado de Egipto; tiene fuerzas como de unicornio.
Y tomó su parábola, y dijo: Dijo Balaam hijo de Beor, dijo el varón de ojos abiertos:
Y allegóse el pueblo á Baal-peor; y el furor de Jehová se encendió contra Israel.
De Hesrón, la familia de los Hesronitas; de Carmi, la familia de los Carmitas.
Los hijos de Judá: Er y Onán; y Er y Onán murieron en la tierra de Canaán.
De Asriel, la familia de los Asrielitas: de Sechêm, la familia de los Sechêmitas;
De Jeser, la familia de los Jeseritas; de Sillem, la familia de los Sillemitas.
Y Jehová respondió á Moisés, diciendo:
Y HABLÓ Jehová á Moisés, diciendo:
Esto ofreceréis además del holocausto de la mañana, que es el holocausto continuo.
Y con cada uno de los catorce corderos, una décima;
Y JEHOVÁ habló á Moisés, diciendo:
Y todas las niñas entre las mujeres, que no hayan conocido ayuntamiento de varón, os reservaréis vivas.
Y el tributo para Jehová de las ovejas, fué seiscientas setenta y cinco.
Y de las personas, diez y seis mil:)
No volveremos á nuestras casas hasta que los hijos de Israel posean cada uno su heredad.
También Jair hijo de Manasés fué y tomó sus aldeas, y púsoles por nombre Havoth-jair.
Y partidos de Dophca, asentaron en Alús.
Y partidos de Libna, asentaron en Rissa.
Y partidos de Mithca, asentaron en Hasmona.
Y partidos de Cades, asentaron en el monte de Hor, en la extremidad del país de Edom.
Y partidos de Almon-diblathaim, asentaron en los montes de Abarim, delante de Nebo.
Y el término occidental os será la gran mar: este término os será el término occidental.
Y estos son los nombres de los varones: De la tribu de Judá, Caleb hijo de Jephone.
Y de la tribu de los hijos de Aser, el príncipe Ahiud hijo de Selomi.
Mas si casualmente lo empujó sin enemistades, ó echó sobre él cualquier instrumento sin asechanzas,
Jehová vuestro Dios os ha multiplicado, y he aquí sois hoy vosotros como las estrellas del cielo en multitud.
Y aun con esto no creisteis en Jehová vuestro Dios,
(Los Emimeos habitaron en ella antes, pueblo grande, y numeroso, y alto como gigantes:
Y saliónos Sehón al encuentro, él y todo su pueblo, para pelear en Jaas.
Y paramos en el valle delante de Beth-peor.
Yo soy Jehová tu Dios, que te saqué de tierra de Egipto, de casa de siervos.
Oye, Israel: Jehová nuestro Dios, Jehová uno es:
Para que él eche á todos tus enemigos de delante de ti, como Jehová ha dicho.
Tierra de trigo y cebada, y de vides, é higueras, y granados; tierra de olivas, de aceite, y de miel;
De allí partieron á Gudgod, y de Gudgod á Jotbath, tierra de arroyos de aguas.
Y las escribirás en los postes de tu casa, y en tus portadas:
Ten cuidado de no desamparar al Levita en todos tus días sobre tu tierra.
Toda ave limpia comeréis.
Y todo reptil alado os será inmundo: no se comerá.
No podrás sacrificar la pascua en ninguna de tus ciudades, que Jehová tu Dios te da;
Perfecto serás con Jehová tu Dios.
Mas si no hiciere paz contigo, y emprendiere contigo guerra, y la cercares,
Mas si este negocio fué verdad, que no se hubiere hallado virginidad en la moza,
Mas cuando te abstuvieres de prometer, no habrá en ti pecado.
Y su nombre será llamado en Israel: La casa del descalzado.
Y MANDÓ Moisés, con los ancianos de Israel, al pueblo, diciendo: Guardaréis todos los mandamientos que yo prescribo hoy.
Maldito el que redujere el término de su prójimo. Y dirá todo el pueblo: Amén.
Y vendrán sobre ti todas estas bendiciones, y te alcanzarán, cuando oyeres la voz de Jehová tu Dios.
Sacarás mucha simiente al campo, y cogerás poco; porque la langosta lo consumirá.
Y habéis visto sus abominaciones, y sus ídolos, madera y piedra, plata y oro, que tienen consigo.
Y como acabó Moisés de escribir las palabras de esta ley en un libro hasta concluirse,
De la Roca que te crió te olvidaste: te has olvidado del Dios tu criador.
¿No tengo yo esto guardado, sellado en mis tesoros?
Y por los regalados frutos del sol, y por los regalos de las influencias de las lunas,
Y murió Elimelech, marido de Noemi, y quedó ella con sus dos hijos;
Descendió pues á la era, é hizo todo lo que su suegra le había mandado.
Y Aminadab engendró á Nahasón, y Nahasón engendró á Salmón;
Después subió el varón Elcana, con toda su familia, á sacrificar á Jehová el sacrificio acostumbrado, y su voto.
Era pues el pecado de los mozos muy grande delante de Jehová; porque los hombres menospreciaban los sacrificios de Jehová.
Y conoció todo Israel desde Dan hasta Beer-sebah, que Samuel era fiel profeta de Jehová.
Lo cual viendo los cinco príncipes de los Filisteos, volviéronse á Ecrón el mismo día.
Y dijo Samuel todas las palabras de Jehová al pueblo que le había pedido rey.
Y cesó de profetizar, y llegó al alto.
Esperad aún ahora, y mirad esta gran cosa que Jehová hará delante de vuestros ojos.
Y todo el pueblo del país llegó á un bosque donde había miel en la superficie del campo.
Saúl pues juntó el pueblo, y reconociólos en Telaim, doscientos mil de á pie, y diez mil hombres de Judá.
Y aconteció que como ellos vinieron, él vió á Eliab, y dijo: De cierto delante de Jehová está su ungido.
Y sobre sus piernas traía grebas de hierro, y escudo de acero á sus hombros.
Y todos los varones de Israel que veían aquel hombre, huían de su presencia, y tenían gran temor.
E hicieron alianza Jonathán y David, porque él le amaba como á su alma.
Temióse más de David; y fué Saúl enemigo de David todos los días.
Y si yo viviere, harás conmigo misericordia de Jehová; mas si fuere muerto,
Y levantándose David aquel día, huyó de la presencia de Saúl, y vínose á Achîs rey de Gath.
Y aconteció que, huyendo Abiathar hijo de Ahimelech á David á Keila, vino también con él el ephod.
Y dijo David á Abigail: Bendito sea Jehová Dios de Israel, que te envió para que hoy me encontrases;
Y Achîs le dió aquel día á Siclag. De aquí fué Siclag de los reyes de Judá hasta hoy.
Y libró David todo lo que los Amalecitas habían tomado: y asimismo libertó David á sus dos mujeres.
Y él me dijo: ¿Quién eres tú? Y yo le respondí: Soy Amalecita.
Y dijo Abner á Joab: Levántense ahora los mancebos, y maniobren delante de nosotros. Y Joab respondió: Levántense.
Y endechando el rey al mismo Abner, decía: ¿Murió Abner como muere un villano?
Y vinieron los Filisteos, y extendiéronse por el valle de Raphaim.
Y Michâl hija de Saúl nunca tuvo hijos hasta el día de su muerte.
Asimismo de Beta y de Beeroth, ciudades de Hadad-ezer, tomó el rey David gran copia de metal.
Lo cual como oyó David, envió á Joab con todo el ejército de los valientes.
Y fué el mensajero, y llegando, contó á David todas las cosas á que Joab le había enviado.
Entonces envió Joab mensajeros á David, diciendo: Yo he peleado contra Rabba, y he tomado la ciudad de las aguas.
Y CONOCIENDO Joab hijo de Sarvia, que el corazón del rey estaba por Absalom,
Y el rey le dijo: Ve en paz. Y él se levantó, y se fué á Hebrón.
Y el rey y todo el pueblo que con él estaba, llegaron fatigados, y descansaron allí.
Y David llegó á Mahanaim, y Absalom pasó el Jordán con toda la gente de Israel.
Y DIERON aviso á Joab: He aquí el rey llora, y hace duelo por Absalom.
Invocaré á Jehová, digno de ser loado, y seré salvo de mis enemigos.
Del resplandor de su presencia se encendieron ascuas ardientes.
Porque yo guardé los caminos de Jehová, y no me aparté impíamente de mi Dios.
Porque en ti romperé ejércitos, y con mi Dios saltaré las murallas.
Los consumiré, y los heriré, y no se levantarán; y caerán debajo de mis pies.
El espíritu de Jehová ha hablado por mí, y su palabra ha sido en mi lengua.
Abiezer de Anathoth, Mebunnai de Husa;
Hesrai del Carmelo, Pharai de Arbi;
Y tenía tratos con Joab hijo de Sarvia, y con Abiathar sacerdote, los cuales ayudaban á Adonía.
Ellos entonces se estremecieron, y levantáronse todos los convidados que estaban con Adonía, y fuése cada uno por su camino.
Y ahora yo te hago una petición: no me hagas volver mi rostro. Y ella le dijo: Habla.
Y agradó delante de Adonai que Salomón pidiese esto.
Azaría hijo de Nathán era sobre los gobernadores; Zabud hijo de Nathán era principal oficial, amigo del rey;
Baana hijo de Husai, en Aser y en Aloth;
Dió pues Hiram á Salomón madera de cedro y madera de haya todo lo que quiso.
Y la casa, á saber, el templo de dentro, tenía cuarenta codos.
En el cuarto año, en el mes de Ziph, se echaron los cimientos de la casa de Jehová:
Asimismo los cuatro hombrillos á las cuatro esquinas de cada basa: y los hombrillos eran de la misma basa.
Yo he edificado casa por morada para ti, asiento en que tú habites para siempre.
Y salió Hiram de Tiro para ver las ciudades que Salomón le había dado, y no le contentaron.
Bienaventurados tus varones, dichosos estos tus siervos, que están continuamente delante de ti, y oyen tu sabiduría.
E hizo Salomón lo malo en los ojos de Jehová, y no fué cumplidamente tras Jehová como David su padre.
Y FUÉ Roboam á Sichêm; porque todo Israel había venido á Sichêm para hacerlo rey.
Y puso el uno en Beth-el, y el otro puso en Dan.
EN aquel tiempo Abías hijo de Jeroboam cayó enfermo.
Y reinó cuarenta y un años en Jerusalem; el nombre de su madre fué Maachâ, hija de Abisalom.
Y FUÉ palabra de Jehová á Jehú hijo de Hanani contra Baasa, diciendo:
Y fué á él palabra de Jehová, diciendo:
Y díjole Elías: Vive Jehová de los ejércitos, delante del cual estoy, que hoy me mostraré á él.
Haz pues así: Saca á los reyes cada uno de su puesto, y pon capitanes en lugar de ellos.
Entonces fué palabra de Jehová á Elías Thisbita, diciendo:
Y Michêas respondió: Vive Jehová, que lo que Jehová me hablare, eso diré.
Entonces él dijo: Traedme una botija nueva, y poned en ella sal. Y trajéronsela.
Y esto es cosa ligera en los ojos de Jehová; dará también á los Moabitas en vuestras manos.
Y venido Eliseo á la casa, he aquí el niño que estaba tendido muerto sobre su cama.
Después de esto aconteció, que Ben-adad rey de Siria juntó todo su ejército, y subió, y puso cerco á Samaria.
En el undécimo año de Joram hijo de Achâb, comenzó á reinar Ochôzías sobre Judá.
El tiempo que reinó Jehú sobre Israel en Samaria, fué veintiocho años.
Y durmió Joachâz con sus padres, y sepultáronlo en Samaria: y reinó en su lugar Joas su hijo.
Y durmió Jeroboam con sus padres, los reyes de Israel, y reinó en su lugar Zachârías su hijo.
Contra éste subió Salmanasar rey de los Asirios; y Oseas fué hecho su siervo, y pagábale tributo.
Hizo lo recto en ojos de Jehová, conforme á todas las cosas que había hecho David su padre.
Entonces volvió él su rostro á la pared, y oró á Jehová, y dijo:
E hizo lo malo en ojos de Jehová, como había hecho Manasés su padre.
Y quebró las estatuas, y taló los bosques, é hinchió el lugar de ellos de huesos de hombres.
E hizo lo malo en ojos de Jehová, conforme á todo lo que había hecho Joacim.
Los hijos de Japhet: Gomer, Magog, Dadai, Javán, Tubal, Mesec, y Thiras.
Canaán engendró á Sidón, su primogénito;
Hebal, Abimael, Seba,
Los hijos de Madián: Epha, Epher, Henoch, Abida, y Eldaa; todos estos fueron hijos de Cethura.
Disón fué hijo de Ana: y los hijos de Disón; Hamrán, Hesbán, Ithran y Chêrán.
El duque Oholibama, el duque Ela, el duque Phinón,
Hijo de Chârmi fué Achâr, el que alborotó á Israel, porque prevaricó en el anatema.
El sexto Osem, el séptimo David:
Y tuvo Jerameel otra mujer llamada Atara, que fué madre de Onam.
Y los hijos de Hebrón: Core, y Thaphua, y Recem, y Sema.
Y los hijos de Sobal padre de Chîriath-jearim fueron Haroeh, la mitad de los Manahethitas.
De quien fué hijo Joram, cuyo hijo fué Ochôzías, hijo del cual fué Joas;
Y los hijos de Pedaía: Zorobabel, y Simi. Y los hijos de Zorobabel: Mesullam, Hananías, y Selomith su hermana.
Y Naara le parió á Auzam, y á Hepher, á Themeni, y á Ahastari. Estos fueron los hijos de Naara.
También Sallum su hijo, Mibsam su hijo, y Misma su hijo.
Y Elioenai, Jacoba, Jesohaía, Asaías, Adiel, Jesimiel, Benaías;
Y Joel fué el principal en Basán, el segundo Sephán, luego Janai, después Saphat.
Y Abisua engendró á Bucci, y Bucci engendró á Uzzi;
Y Sallum engendró á Hilcías, é Hilcías engendró á Azarías;
Joab su hijo, Iddo su hijo, Zera su hijo, Jeothrai su hijo.
Los hijos de Merari: Mahali, Libni su hijo, Simi su hijo, Uzza su hijo,
Hijo de Michâel, hijo de Baasías, hijo de Malchîas;
Y los hijos de Aarón son estos: Eleazar su hijo, Phinees su hijo, Abisua su hijo;
Y dieron los hijos de Israel á los Levitas ciudades con sus ejidos.
Y á Chêdemoth con sus ejidos, y á Mephaath con sus ejidos;
Los hijos de Nephtalí: Jaoel, Guni, Jezer, y Sallum, hijos de Bilha.
Laadán su hijo, Ammiud su hijo, Elisama su hijo,
Los hijos de Sopha: Sua, Harnapher, Sual, Beri, Imra,
Y Gera, Sephuphim, y Huram.
Michâel, Ispha, y Joa, hijos de Berías;
Hananía, Belam, Anathothías;
Gedor, Ahíe, y Zechêr.
Y de los hijos de Benjamín: Sallu hijo de Mesullam, hijo de Odavía, hijo de Asenua;
Y algunos de los hijos de los sacerdotes hacían los ungüentos aromáticos.
Y Mosa engendró á Bina, cuyo hijo fué Rephaía, del que fué hijo Elasa, cuyo hijo fué Asel.
Y David habitó en la fortaleza, y por esto le llamaron la ciudad de David.
Ira hijo de Acces Tecoita, Abiezer Anathothita;
Hepher Mechêrathita, Ahía Phelonita;
Uzzías Astarothita, Samma y Jehiel hijos de Hotham Arorita;
Mismana el cuarto, Jeremías el quinto,
Asimismo Joiada, príncipe de los del linaje de Aarón, y con él tres mil y setecientos;
Y David temió á Dios aquel día, y dijo: ¿Cómo he de traer á mi casa el arca de Dios?
Y volviendo los Filisteos á extenderse por el valle,
De los hijos de Uzziel, Aminadab el principal, y sus hermanos, ciento y doce.
Y ayudando Dios á los Levitas que llevaban el arca del pacto de Jehová, sacrificaban siete novillos y siete carneros.
Haced memoria de sus maravillas que ha obrado, de sus prodigios, y de los juicios de su boca,
Y andaban de nación en nación, y de un reino á otro pueblo.
Atribuid á Jehová, oh familias de los pueblos, atribuid á Jehová gloria y potencia.
Y Nathán dijo á David: Haz todo lo que está en tu corazón, porque Dios es contigo.
Asimismo hirió David á Adarezer rey de Soba, en Hamath, yendo él á asegurar su dominio al río de Eufrates.
Denostó él á Israel, mas hiriólo Jonathán, hijo de Sima hermano de David.
Los hijos de Gersón: Ladán, y Simi.
Hijo de Ishar fué Selomith el primero.
TAMBIÉN los hijos de Aarón tuvieron sus repartimientos. Los hijos de Aarón: Nadab, Abiú, Eleazar é Ithamar.
La décimatercia por Uppa, la décimacuarta por Isebeab;
Y de los hijos de Hebrón: Jeria el primero, el segundo Amarías, el tercero Jahaziel, el cuarto Jecamán.
La cuarta á Isri, con sus hijos y sus hermanos, doce;
La duodécima á Hasabías, con sus hijos y sus hermanos, doce;
La vigésima á Eliatha, con sus hijos y sus hermanos, doce;
Los hijos de Obed-edom: Semeías el primogénito, Jozabad el segundo, Joab el tercero, el cuarto Sachâr, el quinto Nathanael;
En la cámara de los vasos al occidente, cuatro al camino, y dos en la cámara.
El quinto jefe para el quinto mes era Sambuth Izrita: y en su división había veinte y cuatro mil.
De los hijos de Ephraim, Oseas hijo de Azazía; de la media tribu de Manasés, Joel hijo de Pedaía;
Así reinó David hijo de Isaí sobre todo Israel.
Hizo también el velo de cárdeno, púrpura, carmesí y lino, é hizo resaltar en él querubines.
Y juntáronse al rey todos los varones de Israel, á la solemnidad del mes séptimo.
Entonces el rey y todo el pueblo sacrificaron víctimas delante de Jehová.
Entonces ofreció Salomón holocaustos á Jehová sobre el altar de Jehová, que había él edificado delante del pórtico,
Sacaban también caballos para Salomón, de Egipto y de todas las provincias.
Mas fué palabra de Jehová á Semeías varón de Dios, diciendo:
Y él se hizo sacerdotes para los altos, y para los demonios, y para los becerros que él había hecho.
Y huyeron los hijos de Israel delante de Judá, y Dios los entregó en sus manos.
Esforzaos empero vosotros, y no desfallezcan vuestras manos; que salario hay para vuestra obra.
Iba pues Josaphat creciendo altamente: y edificó en Judá fortalezas y ciudades de depósitos.
Entonces el rey de Israel llamó un eunuco, y díjole: Haz venir luego á Michêas hijo de Imla.
Y ellos han habitado en ella, y te han edificado en ella santuario á tu nombre, diciendo:
También él anduvo en los caminos de la casa de Achâb: porque su madre le aconsejaba á obrar impíamente.
Hizo él lo recto en los ojos de Jehová aunque no de perfecto corazón.
Todo el número de los jefes de familias, valientes y esforzados, era dos mil y seiscientos.
Antes anduvo en los caminos de los reyes de Israel, y además hizo imágenes de fundición á los Baales.
E hizo venir los sacerdotes y Levitas, y juntólos en la plaza oriental.
Esto agradó al rey y á toda la multitud.
Entonces mandó Ezechîas que preparasen cámaras en la casa de Jehová; y preparáronlas.
Lo mismo hizo en las ciudades de Manasés, Ephraim, y Simeón, hasta en Nephtalí, con sus lugares asolados alrededor.
También llevó Nabucodonosor á Babilonia de los vasos de la casa de Jehová, y púsolos en su templo en Babilonia.
Los hijos de Elam, mil doscientos cincuenta y cuatro;
Los hijos de Adin, cuatrocientos cincuenta y cuatro;
Los varones de Anathoth, ciento veinte y ocho;
Los hijos del otro Elam, mil doscientos cincuenta y cuatro;
Los hijos de Harim, mil diez y siete.
Los hijos de Resin, los hijos de Necoda, los hijos de Gazam;
Los hijos de Jaala, los hijos de Darcón, los hijos de Giddel;
Rehum canciller, y Simsai secretario, escribieron una carta contra Jerusalem al rey Artajerjes, como se sigue.
Hijo de Abisue, hijo de Phinees, hijo de Eleazar, hijo de Aarón, primer sacerdote:
Y de los hijos de Sephatías, Zebadías, hijo de Michâel, y con él ochenta varones;
Y llegamos á Jerusalem, y reposamos allí tres días.
Y de los hijos de Phasur: Elioenai, Maasías, Ismael, Nathanael, Jozabad, y Elasa.
Y de los hijos de Harim: Eliezer, Issia, Malchîas, Semeía, Simeón,
Y Selemías y Nathán y Adaías,
Y junto á ella edificaron los varones de Jericó: y luego edificó Zachûr hijo de Imri.
Y conspiraron todos á una para venir á combatir á Jerusalem, y á hacerle daño.
Acabóse pues el muro el veinticinco del mes de Elul, en cincuenta y dos días.
Los hijos de Zachâi, setecientos y sesenta;
Los hijos de Hasum, trescientos veintiocho;
Los varones de Rama y de Gebaa, seiscientos veintiuno;
Los hijos de Senaa, tres mil novecientos y treinta.
Los hijos de Chêros, los hijos de Siaa, los hijos de Phadón,
Los hijos de Barcos, los hijos de Sísera, los hijos de Tema,
La congregación toda junta era de cuarenta y dos mil trescientos y sesenta,
Seraías, Azarías, Jeremías,
Y Levitas: Jesuá hijo de Azanías, Binnui de los hijos de Henadad, Cadmiel;
Ater, Ezekías, Azur,
Rehum, Hasabna, Maaseías,
Y sus hermanos, hombres de grande vigor, ciento veintiocho: jefe de los cuales era Zabdiel, hijo de Gedolim.
Y en En-rimmón, y en Soreah y en Jarmuth;
Sechânías, Rehum, Meremoth,
De Esdras, Mesullam; de Amarías, Johanán;
De Hilcías, Hasabías; de Jedaías, Nathanael.
Y dolióme en gran manera; y eché todas las alhajas de la casa de Tobías fuera de la cámara;
Y los siervos del rey que estaban á la puerta, dijeron á Mardochêo: ¿Por qué traspasas el mandamiento del rey?
Entonces respondió Esther, y dijo: Mi petición y mi demanda es:
Y en Susán capital del reino, mataron y destruyeron los Judíos á quinientos hombres.
Y EL rey Assuero impuso tributo sobre la tierra y las islas de la mar.
Y Jehová dijo á Satán: He aquí, él está en tu mano; mas guarda su vida.
Maldíganla los que maldicen al día, los que se aprestan para levantar su llanto.
Allí asimismo reposan los cautivos; no oyen la voz del exactor.
No he tenido paz, no me aseguré, ni me estuve reposado; vínome no obstante turbación.
Como yo he visto, los que aran iniquidad y siembran injuria, la siegan.
¿Si será el hombre más justo que Dios? ¿si será el varón más limpio que el que lo hizo?
Su mies comerán los hambrientos, y sacaránla de entre las espinas, y los sedientos beberán su hacienda.
Que prende á los sabios en la astucia de ellos, y el consejo de los perversos es entontecido;
Del azote de la lengua serás encubierto; ni temerás de la destrucción cuando viniere.
Porque pesaría aquél más que la arena del mar: y por tanto mis palabras son cortadas.
Mis hermanos han mentido cual arroyo: pasáronse como corrientes impetuosas,
Y libradme de la mano del opresor, y redimidme del poder de los violentos?
CIERTAMENTE tiempo limitadotiene el hombre sobre la tierra, y sus días son como los días del jornalero.
¿Soy yo la mar, ó ballena, que me pongas guarda?
Y RESPONDIÓ Bildad Suhita, y dijo:
¿No te enseñarán ellos, te dirán, y de su corazón sacarán palabras?
Ciertamente éste será el gozo de su camino; y de la tierra de donde se traspusiere, nacerán otros.
Que arranca los montes con su furor, y no conocen quién los trastornó:
Dios no tornará atrás su ira, y debajo de él se encorvan los que ayudan á los soberbios.
Bien que yo fuese íntegro, no conozco mi alma: reprocharé mi vida.
Aunque me lave con aguas de nieve, y limpie mis manos con la misma limpieza,
Para que inquieras mi iniquidad, y busques mi pecado,
Si pequé, tú me has observado, y no me limpias de mi iniquidad.
¿Harán tus falacias callar á los hombres? ¿y harás escarnio, y no habrá quien te avergüence?
El hombre vano se hará entendido, aunque nazca como el pollino del asno montés.
Ciertamente que vosotros sois el pueblo; y con vosotros morirá la sabiduría.
He aquí, él derribará, y no será edificado: encerrará al hombre, y no habrá quien le abra.
El descubre las profundidades de las tinieblas, y saca á luz la sombra de muerte.
Oid ahora mi razonamiento, y estad atentos á los argumentos de mis labios.
¿Por qué quitaré yo mi carne con mis dientes, y pondré mi alma en mi mano?
Llama luego, y yo responderé; ó yo hablaré, y respóndeme tú.
¿Y sobre éste abres tus ojos, y me traes á juicio contigo?
Pues ahora me cuentas los pasos, y no das tregua á mi pecado.
Tú también disipas el temor, y menoscabas la oración delante de Dios.
¿Por qué te enajena tu corazón, y por qué guiñan tus ojos,
El no creerá que ha de volver de las tinieblas, y está mirando al cuchillo.
El será cortado antes de su tiempo, y sus renuevos no reverdecerán.
Si hablo, mi dolor no cesa; y si dejo de hablar, no se aparta de mí.
Mas he aquí que en los cielos está mi testigo, y mi testimonio en las alturas.
El que denuncia lisonjas á sus prójimos, los ojos de sus hijos desfallezcan.
Si yo espero, el sepulcro es mi casa: haré mi cama en las tinieblas.
La luz se oscurecerá en su tienda, y apagaráse sobre él su lámpara.
Su confianza será arrancada de su tienda, y harále esto llevar al rey de los espantos.
Y RESPONDIÓ Job, y dijo:
Hame despojado de mi gloria, y quitado la corona de mi cabeza.
Aun los muchachos me menospreciaron: en levantándome, hablaban contra mí.
Y después de deshecha esta mi piel, aun he de ver en mi carne á Dios;
Con su estiércol perecerá para siempre: los que le hubieren visto, dirán: ¿Qué es de él?
Veneno de áspides chupará; matarálo lengua de víbora.
Y RESPONDIÓ Job, y dijo:
Sus casas seguras de temor, ni hay azote de Dios sobre ellos.
Serán como la paja delante del viento, y como el tamo que arrebata el torbellino.
He aquí, yo conozco vuestros pensamientos, y las imaginaciones que contra mí forjáis.
¿Castigaráte acaso, ó vendrá contigo á juicio porque te teme?
¿No está Dios en la altura de los cielos? Mira lo encumbrado de las estrellas, cuán elevadas están.
Fué cortada nuestra sustancia, habiendo consumido el fuego el resto de ellos.
Determinarás asimismo una cosa, y serte ha firme; y sobre tus caminos resplandecerá luz.
¿Pleitearía conmigo con grandeza de fuerza? No: antes él la pondría en mí.
Dios ha enervado mi corazón, y hame turbado el Omnipotente.
Con las avenidas de los montes se mojan, y abrazan las peñas sin tener abrigo.
La sequía y el calor arrebatan las aguas de la nieve; y el sepulcro á los pecadores.
¿Cómo pues se justificará el hombre con Dios? ¿y cómo será limpio el que nace de mujer?
El sepulcro es descubierto delante de él, y el infierno no tiene cobertura.
Y REASUMIÓ Job su discurso, y dijo:
Yo os enseñaré en orden á la mano de Dios: no esconderé lo que hay para con el Omnipotente.
Asirán de él terrores como aguas: torbellino lo arrebatará de noche.
Lugar hay cuyas piedras son zafiro, y sus polvos de oro.
El abismo dice: No está en mí: y la mar dijo: Ni conmigo.
El infierno y la muerte dijeron: Su fama hemos oído con nuestros oídos.
Cuando hacía resplandecer su candela sobre mi cabeza, á la luz de la cual yo caminaba en la oscuridad;
Cuando los oídos que me oían, me llamaban bienaventurado, y los ojos que me veían, me daban testimonio:
Mi honra se renovaba en mí, y mi arco se corroboraba en mi mano.
Eran echados de entre las gentes, y todos les daban grita como al ladrón.
Vinieron como por portillo ancho, revolviéronse á mi calamidad.
Levantásteme, é hicísteme cabalgar sobre el viento, y disolviste mi sustancia.
Mi piel está denegrida sobre mí, y mis huesos se secaron con ardentía.
Siembre yo, y otro coma, y mis verduras sean arrancadas.
Y si comí mi bocado solo, y no comió de él el huérfano;
Si he mirado al sol cuando resplandecía, y á la luna cuando iba hermosa,
Si mi tierra clama contra mí, y lloran todos sus surcos;
Ciertamente espíritu hay en el hombre, é inspiración del Omnipotente los hace que entiendan.
Por eso yo también responderé mi parte, también yo declararé mi juicio.
Mis razones declararán la rectitud de mi corazón, y mis labios proferirán pura sabiduría.
Puso mis pies en el cepo, y guardó todas mis sendas.
También sobre su cama es castigado con dolor fuerte en todos sus huesos,
Para apartar su alma del sepulcro, y para iluminarlo con la luz de los vivientes.
Porque Job ha dicho: Yo soy justo, y Dios me ha quitado mi derecho.
Toda carne perecería juntamente, y el hombre se tornaría en polvo.
Por tanto él hará notorias las obras de ellos, cuando los trastornará en la noche, y serán quebrantados.
Que Job no habla con sabiduría, y que sus palabras no son con entendimiento.
Al hombre como tú dañará tu impiedad, y al hijo del hombre aprovechará tu justicia.
Porque de cierto no son mentira mis palabras; contigo está el que es íntegro en sus conceptos.
Empero los hipócritas de corazón lo irritarán más, y no clamarán cuando él los atare.
¿Quién le ha prescrito su camino? ¿y quién le dirá: Iniquidad has hecho?
Bien que por esos medios castiga á los pueblos, á la multitud da comida.
La bestia se entrará en su escondrijo, y estaráse en sus moradas.
¿Por qué están calientes tus vestidos cuando se fija el viento del mediodía sobre la tierra?
¿Quién es ése que oscurece el consejo con palabras sin sabiduría?
Y establecí sobre ella mi decreto, y le puse puertas y cerrojo,
¿Has tú considerado hasta las anchuras de la tierra? Declara si sabes todo esto.
Para hartar la tierra desierta é inculta, y para hacer brotar la tierna hierba?
¿Jugarás tú con él como con pájaro, ó lo atarás para tus niñas?
¿Quién descubrirá la delantera de su vestidura? ¿quién se llegará á él con freno doble?
Su aliento enciende los carbones, y de su boca sale llama.
Tiene toda arma por hojarascas, y del blandir de la pica se burla.
Yo conozco que todo lo puedes, y que no hay pensamiento que se esconda de ti.
Por tanto no se levantarán los malos en el juicio, ni los pecadores en la congregación de los justos.
Quebrantarlos has con vara de hierro: como vaso de alfarero los desmenuzarás.
De Jehová es la salud: sobre tu pueblo será tu bendición. (Selah.)
No estarán los insensatos delante de tus ojos: aborreces á todos los que obran iniquidad.
Heme consumido á fuerza de gemir: todas las noches inundo mi lecho, riego mi estrado con mis lágrimas.
Mi escudo está en Dios, que salva á los rectos de corazón.
Pues le has hecho poco menor que los ángeles, y coronástelo de gloria y de lustre.
Reprendiste gentes, destruiste al malo, raíste el nombre de ellos para siempre jamás.
Porque no para siempre será olvidado el pobre; ni la esperanza de los pobres perecerá perpetuamente.
Llena está su boca de maldición, y de engaños y fraude: debajo de su lengua, vejación y maldad.
Jehová prueba al justo; empero al malo y al que ama la violencia, su alma aborrece.
Cercando andan los malos, mientras son exaltados los más viles de los hijos de los hombres.
Salmo de David. JEHOVÁ, ¿quién habitará en tu tabernáculo? ¿quién residirá en el monte de tu santidad?
Bendeciré á Jehová que me aconseja: aun en las noches me enseñan mis riñones.
De delante de los malos que me oprimen, de mis enemigos que me cercan por la vida.
Y bajó los cielos, y descendió; y oscuridad debajo de sus pies.
Asaltáronme en el día de mi quebranto: mas Jehová fué mi apoyo.
Limpio te mostrarás para con el limpio, y severo serás para con el perverso.
Ensanchaste mis pasos debajo de mí, y no titubearon mis rodillas.
El Dios que me da las venganzas, y sujetó pueblos á mí.
Tu siervo es además amonestado con ellos: en guardarlos hay grande galardón.
El deseo de su corazón le diste, y no le negaste lo que sus labios pronunciaron. (Selah.)
Porque trazaron el mal contra ti: fraguaron maquinaciones, mas no prevalecerán.
Todos los que me ven, escarnecen de mí; estiran los labios, menean la cabeza, diciendo:
Partieron entre sí mis vestidos, y sobre mi ropa echaron suertes.
La posteridad le servirá; será ella contada por una generación de Jehová.
El recibirá bendición de Jehová, y justicia del Dios de salud.
Muéstrame, oh Jehová, tus caminos; enséñame tus sendas.
El secreto de Jehová es para los que le temen; y á ellos hará conocer su alianza.
Redime, oh Dios, á Israel de todas sus angustias.
Jehová, la habitación de tu casa he amado, y el lugar del tabernáculo de tu gloria.
Aunque mi padre y mi madre me dejaran, Jehová con todo me recogerá.
Dad á Jehová la gloria debida á su nombre: humillaos á Jehová en el glorioso santuario.
Jehová dará fortaleza á su pueblo: Jehová bendecirá á su pueblo en paz.
Porque tú eres mi roca y mi castillo; y por tu nombre me guiarás, y me encaminarás.
Enmudezcan los labios mentirosos, que hablan contra el justo cosas duras, con soberbia y menosprecio.
Tú eres mi refugio; me guardarás de angustia; con cánticos de liberación me rodearás. (Selah.)
El junta como en un montón las aguas de la mar: él pone en depósitos los abismos.
El formó el corazón de todos ellos; él considera todas sus obras.
En Jehová se gloriará mi alma: oiránlo los mansos, y se alegrarán.
Los leoncillos necesitaron, y tuvieron hambre; pero los que buscan á Jehová, no tendrán falta de ningún bien.
Cercano está Jehová á los quebrantados de corazón; y salvará á los contritos de espíritu.
Sean como el tamo delante del viento; y el ángel de Jehoválosacose.
Porque no hablan paz; y contra los mansos de la tierra piensan palabras engañosas.
Iniquidad piensa sobre su cama; está en camino no bueno, el mal no aborrece.
Espera en Jehová, y haz bien; vivirás en la tierra, y en verdad serás alimentado.
El Señor se reirá de él; porque ve que viene su día.
Cuando cayere, no quedará postrado; porque Jehová sostiene su mano.
Vi yo al impío sumamente ensalzado, y que se extendía como un laurel verde.
Estoy encorvado, estoy humillado en gran manera, ando enlutado todo el día.
Porque á ti, oh Jehová, esperé yo: tú responderás, Jehová Dios mío.
Enmudecí con silencio, calléme aun respecto de lo bueno: y excitóse mi dolor.
Entonces dije: He aquí, vengo; en el envoltorio del libro está escrito de mí:
Mis enemigos dicen mal de mí preguntando: ¿Cuándo morirá, y perecerá su nombre?
Fueron mis lágrimas mi pan de día y de noche, mientras me dicen todos los días: ¿Dónde está tu Dios?
Nos hiciste retroceder del enemigo, y saqueáronnos para sí los que nos aborrecían.
No se ha vuelto atrás nuestro corazón, ni tampoco se han apartado nuestros pasos de tus caminos.
Levántate para ayudarnos, y redímenos por tu misericordia.
Y las hijas de Tiro vendrán con presente; implorarán tu favor los ricos del pueblo.
Jehová de los ejércitos es con nosotros; nuestro refugio es el Dios de Jacob. (Selah.)
Porque Dios es el Rey de toda la tierra: cantad con inteligencia.
Alegraráse el monte de Sión; se gozarán las hijas de Judá por tus juicios.
Los que confían en sus haciendas, y en la muchedumbre de sus riquezas se jactan,
Porque en muriendo no llevará nada, ni descenderá tras él su gloria.
Y denunciarán los cielos su justicia; porque Dios es el juez. (Selah.)
Sacrifica á Dios alabanza, y paga tus votos al Altísimo.
Porque yo reconozco mis rebeliones; y mi pecado está siempre delante de mí.
Vuélveme el gozo de tu salud; y el espíritu libre me sustente.
Has amado toda suerte de palabras perniciosas, engañosa lengua.
Temor y temblor vinieron sobre mí, y terror me ha cubierto.
Que juntos comunicábamos dulcemente los secretos, á la casa de Dios andábamos en compañía.
Reúnense, escóndense, miran ellos atentamente mis pasos, esperando mi vida.
Ensálzate sobre los cielos, oh Dios; sobre toda la tierra tu gloria.
Veneno tienen semejante al veneno de la serpiente: son como áspide sordo que cierra su oído;
Volveránse á la tarde, ladrarán como perros, y rodearán la ciudad.
Fortaleza mía, á ti cantaré; porque eres Dios de mi amparo, Dios de mi misericordia.
¿Quién me llevará á la ciudad fortalecida? ¿quién me llevará hasta Idumea?
Días sobre días añadirás al rey: sus años serán como generación y generación.
Una vez habló Dios; dos veces he oído esto: Que de Dios es la fortaleza.
Está mi alma apegada á ti: tu diestra me ha sostenido.
Y harán caer sobre sí sus mismas lenguas: se espantarán todos los que los vieren.
Destilan sobre las estancias del desierto; y los collados se ciñen de alegría.
El se enseñorea con su fortaleza para siempre: sus ojos atalayan sobre las gentes: los rebeldes no serán ensalzados. (Selah.)
A él clamé con mi boca, y ensalzado fué con mi lengua.
Bendíganos Dios, y témanlo todos los fines de la tierra.
Cuando esparció el Omnipotente los reyes en ella, emblanquecióse ésta como la nieve en Salmón.
Por razón de tu templo en Jerusalem los reyes te ofrecerán dones.
Porque me consumió el celo de tu casa; y los denuestos de los que te vituperaban, cayeron sobre mí.
Sea su mesa delante de ellos por lazo, y lo que es para bien por tropiezo.
Alabaré yo el nombre de Dios con cántico, ensalzarélo con alabanza.
Sean vueltos, en pago de su afrenta hecha, los que dicen: ¡Ah! ¡ah!
Porque mis enemigos han tratado de mí; y los que acechan mi alma, consultaron juntamente,
Aumentarás mi grandeza, y volverás á consolarme.
Y dominará de mar á mar, y desde el río hasta los cabos de la tierra.
Y bendito su nombre glorioso para siempre: y toda la tierra sea llena de su gloria. Amén y Amén.
Sus ojos están salidos de gruesos: logran con creces los antojos del corazón.
Si dijera yo, Discurriré de esa suerte; he aquí habría negado la nación de tus hijos:
Con todo, yo siempre estuve contigo: trabaste de mi mano derecha.
Han puesto á fuego tus santuarios, han profanado el tabernáculo de tu nombre echándolo á tierra.
Tú estableciste todos los términos de la tierra: el verano y el invierno tú los formaste.
Arruinábase la tierra y sus moradores: yo sostengo sus columnas. (Selah.)
Allí quebró las saetas del arco, el escudo, y la espada, y tren de guerra. (Selah.)
Cortará él el espíritu de los príncipes: terrible es á los reyes de la tierra.
Y dije: Enfermedad mía es esta; traeré pues á la memoria los años de la diestra del Altísimo.
Anduvo en derredor el sonido de tus truenos; los relámpagos alumbraron el mundo; estremecióse y tembló la tierra.
Antes se olvidaron de sus obras, y de sus maravillas que les había mostrado.
Y hablaron contra Dios, diciendo: ¿Podrá poner mesa en el desierto?
E hízolas caer en medio de su campo, alrededor de sus tiendas.
Pues sus corazones no eran rectos con él, ni estuvieron firmes en su pacto.
Dió también al pulgón sus frutos, y sus trabajos á la langosta.
Mas tentaron y enojaron al Dios Altísimo, y no guardaron sus testimonios;
Sus sacerdotes cayeron á cuchillo, y sus viudas no lamentaron.
Somos afrentados de nuestros vecinos, escarnecidos y burlados de los que están en nuestros alrededores.
Dísteles á comer pan de lágrimas, y dísteles á beber lágrimas en gran abundancia.
Estropeóla el puerco montés, y pacióla la bestia del campo.
Porque estatuto es de Israel, ordenanza del Dios de Jacob.
Los aborrecedores de Jehová se le hubieran sometido; y el tiempo de ellos fuera para siempre.
Levántate, oh Dios, juzga la tierra: porque tú heredarás en todas las gentes.
También el Assur se ha juntado con ellos: son por brazo á los hijos de Lot. (Selah.)
Sean afrentados y turbados para siempre; y sean deshonrados, y perezcan.
Perdonaste la iniquidad de tu pueblo; todos los pecados de ellos cubriste. (Selah.)
La verdad brotará de la tierra; y la justicia mirará desde los cielos.
Escucha, oh Jehová, mi oración, y está atento á la voz de mis ruegos.
Mas tú, Señor, Dios misericordioso y clemente, lento para la ira, y grande en misericordia y verdad;
Porque mi alma está harta de males, y mi vida cercana al sepulcro.
¿Por qué, oh Jehová, desechas mi alma? ¿por qué escondes de mí tu rostro?
Y celebrarán los cielos tu maravilla, oh Jehová; tu verdad también en la congregación de los santos.
Bienaventurado el pueblo que sabe aclamarte: andarán, oh Jehová, á la luz de tu rostro.
Y mi verdad y mi misericordia serán con él; y en mi nombre será ensalzado su cuerno.
Entonces visitaré con vara su rebelión, y con azotes sus iniquidades.
Aportillaste todos sus vallados; has quebrantado sus fortalezas.
Señor, ¿dónde están tus antiguas misericordias, que juraste á David por tu verdad?
Porque con tu furor somos consumidos, y con tu ira somos conturbados.
EL que habita al abrigo del Altísimo, morará bajo la sombra del Omnipotente.
Pues que á sus ángeles mandará acerca de ti, que te guarden en todos tus caminos.
El hombre necio no sabe, y el insensato no entiende esto:
Aun en la vejez fructificarán; estarán vigorosos y verdes;
Entended, necios del pueblo; y vosotros fatuos, ¿cuándo seréis sabios?
¿Quién se levantará por mí contra los malignos? ¿quién estará por mí contra los que obran iniquidad?
Lleguemos ante su acatamiento con alabanza; aclamémosle con cánticos.
CANTAD á Jehová canción nueva; cantad á Jehová, toda la tierra.
Encorvaos á Jehová en la hermosura de su santuario: temed delante de él, toda la tierra.
Oyó Sión, y alegróse; y las hijas de Judá, oh Jehová, se gozaron por tus juicios.
Brame la mar y su plenitud; el mundo y los que en él habitan;
Jehová Dios nuestro, tú les respondías: tú les fuiste un Dios perdonador, y vengador de sus obras.
Al que solapadamente infama á su prójimo, yo le cortaré; no sufriré al de ojos altaneros, y de corazón vanidoso.
A causa de tu enojo y de tu ira; pues me alzaste, y me has arrojado.
Porque miró de lo alto de su santuario; Jehová miró de los cielos á la tierra,
Los hijos de tus siervos habitarán, y su simiente será afirmada delante de ti.
Misericordioso y clemente es Jehová; lento para la ira, y grande en misericordia.
Que pasó el viento por ella, y pereció: y su lugar no la conoce más.
El fundó la tierra sobre sus basas; no será jamás removida.
El que riega los montes desde sus aposentos: del fruto de sus obras se sacia la tierra.
Sale el hombre á su hacienda, y á su labranza hasta la tarde.
Sea la gloria de Jehová para siempre; alégrese Jehová en sus obras;
Acordaos de sus maravillas que hizo, de sus prodigios y de los juicios de su boca,
Y anduvieron de gente en gente, de un reino á otro pueblo.
Envió el rey, y soltóle; el señor de los pueblos, y desatóle.
Echó tinieblas, é hizo oscuridad; y no fueron rebeldes á su palabra.
Hirió además á todos los primogénitos en su tierra, el principio de toda su fuerza.
Y dióles las tierras de las gentes; y las labores de las naciones heredaron:
Y salvólos de mano del enemigo, y rescatólos de mano del adversario.
Y encendióse el fuego en su junta; la llama quemó los impíos.
Y humillar su simiente entre las gentes, y esparcirlos por las tierras.
Antes se mezclaron con las gentes, y aprendieron sus obras,
El con todo, miraba cuando estaban en angustia, y oía su clamor:
Hambrientos y sedientos, su alma desfallecía en ellos.
Luego que clamaron á Jehová en su angustia, librólos de sus aflicciones.
Alaben la misericordia de Jehová, y sus maravillas para con los hijos de los hombres:
Hace parar la tempestad en sosiego, y se apaciguan sus ondas.
Y siembran campos, y plantan viñas, y rinden crecido fruto.
Te alabaré, oh Jehová, entre los pueblos; á ti cantaré salmos entre las naciones.
Ciertamente tú, oh Dios, que nos habías desechado; y no salías, oh Dios, con nuestros ejércitos.
Cuando fuere juzgado, salga impío; y su oración sea para pecado.
Y amó la maldición, y vínole; y no quiso la bendición, y ella se alejó de él.
Maldigan ellos, y bendice tú: levántense, mas sean avergonzados, y regocíjese tu siervo.
Grandes son las obras de Jehová; buscadas de todos los que las quieren.
Aleluya. BIENAVENTURADO el hombre que teme á Jehová, yen sus mandamientos se deleita en gran manera.
Esparce, da á los pobres: su justicia permanece para siempre; su cuerno será ensalzado en gloria.
Para hacerlos sentar con los príncipes, con los príncipes de su pueblo.
A la presencia del Señor tiembla la tierra, á la presencia del Dios de Jacob;
Oh Israel, confía en Jehová: él es su ayuda y su escudo.
Mas nosotros bendeciremos á JAH, desde ahora para siempre. Aleluya.
Pues tú has librado mi alma de la muerte, mis ojos de lágrimas, y mis pies de desbarrar.
Te ofreceré sacrificio de alabanza, é invocaré el nombre de Jehová.
Digan ahora los que temen á Jehová: Que para siempreessu misericordia.
Empujásteme con violencia para que cayese: empero ayudóme Jehová.
Te alabaré, porque me has oído, y me fuiste por salud.
ALEPH. BIENAVENTURADOS los perfectos de camino; los que andan en la ley de Jehová.
BETH ¿Con qué limpiará el joven su camino? Con guardar tu palabra.
GIMEL. Haz bien á tu siervo; que viva y guarde tu palabra.
DALETH. Pegóse al polvo mi alma: vivifícame según tu palabra.
HE. Enséñame, oh Jehová, el camino de tus estatutos, y guardarélo hasta el fin.
VAU. Y venga á mí tu misericordia, oh Jehová; tu salud, conforme á tu dicho.
ZAIN. Acuérdate de la palabra dada á tu siervo, en la cual me has hecho esperar.
CHETH. Mi porción, oh Jehová, dije, será guardar tus palabras.
De tu misericordia, oh Jehová, está llena la tierra: enséñame tus estatutos.
Mejor me es la ley de tu boca, que millares de oro y plata.
Sea mi corazón íntegro en tus estatutos; porque no sea yo avergonzado.
Vivifícame conforme á tu misericordia; y guardaré los testimonios de tu boca.
A toda perfección he visto fin: ancho sobremanera es tu mandamiento.
De tus mandamientos he adquirido inteligencia: por tanto he aborrecido todo camino de mentira.
Mi corazón incliné á poner por obra tus estatutos de continuo, hasta el fin.
Mi carne se ha extremecido por temor de ti; y de tus juicios tengo miedo.
Por eso todos los mandamientos de todas las cosas estimé rectos: aborrecí todo camino de mentira.
Ríos de agua descendieron de mis ojos, porque no guardaban tu ley.
Justicia eterna son tus testimonios; dame entendimiento, y viviré.
Ya ha mucho que he entendido de tus mandamientos, que para siempre los fundaste.
El principio de tu palabra es verdad; y eterno es todo juicio de tu justicia.
Guardado he tus mandamientos y tus testimonios; porque todos mis caminos están delante de ti.
Yo anduve errante como oveja extraviada; busca á tu siervo; porque no me he olvidado de tus mandamientos.
Cántico gradual. ALZARÉ mis ojos á los montes, de donde vendrá mi socorro.
Cántico gradual: de David. YO me alegré con los que me decían: A la casa de Jehová iremos.
A causa de la casa de Jehová nuestro Dios, buscaré bien para ti.
Bendito Jehová, que no nos dió por presa á sus dientes.
Haz volver nuestra cautividad, oh Jehová, como los arroyos en el austro.
Y veas los hijos de tus hijos, y la paz sobre Israel.
Ni dijeron los que pasaban: Bendición de Jehová sea sobre vosotros; os bendecimos en el nombre de Jehová.
Y él redimirá á Israel de todos sus pecados.
Entraremos en sus tiendas; encorvarnos hemos al estrado de sus pies.
Allí haré reverdecer el cuerno de David: he prevenido lámpara á mi ungido.
Porque yo se que Jehová es grande, y el Señor nuestro, mayor que todos los dioses.
Los ídolos de las gentes son plata y oro, obra de manos de hombres.
Alabad al Dios de los dioses, porque para siempreessu misericordia.
Al que hirió á Egipto en sus primogénitos, porque para siempre es su misericordia.
Y mató reyes poderosos, porque para siempre es su misericordia;
Alabad al Dios de los cielos: porque para siempre es su misericordia.
Y cantarán de los caminos de Jehová: que la gloria de Jehová es grande.
¿Adónde me iré de tu espíritu? ¿y adónde huiré de tu presencia?
Porque blasfemias dicen ellos contra ti: tus enemigos toman en vano tu nombre.
He dicho á Jehová: Dios mío eres tú; escucha, oh Jehová, la voz de mis ruegos.
Como quien hiende y rompe la tierra, son esparcidos nuestros huesos á la boca de la sepultura.
Y mi espíritu se angustió dentro de mí; pasmóse mi corazón.
Despide relámpagos, y disípalos; envía tus saetas, y contúrbalos.
La hermosura de la gloria de tu magnificencia, y tus hechos maravillosos, hablaré.
Para notificar á los hijos de los hombres sus valentías, y la gloria de la magnificencia de su reino.
La alabanza de Jehová hablará mi boca; y bendiga toda carne su santo nombre por siglo y para siempre.
Jehová guarda á los extranjeros; al huérfano y á la viuda levanta; y el camino de los impíos trastorna.
El da á la bestia su mantenimiento, yá los hijos de los cuervos que claman.
El echa su hielo como pedazos: delante de su frío ¿quién estará?
Alaben el nombre de Jehová; porque él mandó, y fueron criadas.
Alaben el nombre de Jehová, porque sólo su nombre es elevado; su gloria es sobre tierra y cielos.
Para aprisionar sus reyes en grillos, y sus nobles con cadenas de hierro;
CANCIÓN de canciones, la cual es de Salomón.
Mi amado es para mí un manojito de mirra, que reposa entre mis pechos.
Sustentadme con frascos, corroboradme con manzanas; porque estoy enferma de amor.
Halláronme los guardas que rondan la ciudad, y díjeles: ¿Habéis visto al que ama mi alma?
Mi amado metió su mano por el agujero, y mis entrañas se conmovieron dentro de mí.
Sesenta son las reinas, y ochenta las concubinas, y las doncellas sin cuento:
Conjúroos, oh doncellas de Jerusalem, que no despertéis, ni hagáis velar al amor, hasta que quiera.
Si quisiereis y oyereis, comeréis el bien de la tierra:
Venid, oh casa de Jacob, y caminemos á la luz de Jehová.
El valiente y el hombre de guerra, el juez y el profeta, el adivino y el anciano;
Las escofietas, y los atavíos de las piernas, los partidores del pelo, los pomitos de olor, y los zarcillos;
Y el hombre será humillado, y el varón será abatido, y bajados serán los ojos de los altivos.
Hasta que Jehová hubiere echado lejos los hombres, y multiplicare en medio de la tierra la desamparada.
Con saetas y arco irán allá; porque toda la tierra será espinos y cardos.
Mas el pueblo no se convirtió al que lo hería, ni buscaron á Jehová de los ejércitos.
Como halló mi mano los reinos de los ídolos, siendo sus imágenes más que Jerusalem y Samaria;
Y cortará con hierro la espesura del bosque, y el Líbano caerá con fortaleza.
Por tanto, se enervarán todas la manos, y desleiráse todo corazón de hombre:
Que puso el mundo como un desierto, que asoló sus ciudades; que á sus presos nunca abrió la cárcel?
¡AY de la tierra que hace sombra con las alas, que está tras los ríos de Etiopía;
Pon la mesa, mira del atalaya, come, bebe: levantaos, príncipes, ungid el escudo.
He aquí que Jehová te trasportará en duro cautiverio, y de cierto te cubrirá el rostro.
Aullad, naves de Tarsis; porque destruída es vuestra fortaleza.
En la ciudad quedó soledad, y con asolamiento fué herida la puerta.
Hollarála pie, los pies del afligido, los pasos de los menesterosos.
Por tanto, varones burladores, que estáis enseñoreados sobre este pueblo que está en Jerusalem, oid la palabra de Jehová.
Mas la fortaleza de Faraón se os tornará en vergüenza, y el amparo en la sombra de Egipto en confusión.
Y el corazón de los necios entenderá para saber, y la lengua de los tartamudos será desenvuelta para hablar claramente.
Y el granizo, cuando descendiere, será en los montes; y la ciudad será del todo abatida.
Oid, los que estáis lejos, lo que he hecho; y vosotros los cercanos, conoced mi potencia.
Confortad á las manos cansadas, roborad las vacilantes rodillas.
Y el residuo de la casa de Judá que hubiere escapado, tornará á echar raíz abajo, y hará fruto arriba.
Escritura de Ezechîas rey de Judá, de cuando enfermó y sanó de su enfermedad.
¿A qué pues haréis semejante á Dios, ó qué imagen le compondréis?
Cada cual ayudó á su cercano; y á su hermano dijo: Esfuérzate.
Sordos, oid; y vosotros ciegos, mirad para ver.
Este pueblo crié para mí; mis alabanzas publicará.
Que dice al profundo: Sécate, y tus ríos haré secar;
Oidme, duros de corazón, que estáis lejos de la justicia.
Mas Sión dijo: Dejóme Jehová, y el Señor se olvidó de mí.
He aquí que mi siervo será prosperado, será engrandecido y ensalzado, y será muy sublimado.
Todas las bestias del campo, todas las bestias del monte, venid á devorar.
Y vendrá el Redentor á Sión, y á los que se volvieren de la iniquidad en Jacob, dice Jehová.
Y llamarles han Pueblo Santo, Redimidos de Jehová; y á ti te llamarán Ciudad Buscada, no desamparada.
Cuando, haciendo terriblezas cuales nunca esperábamos, descendiste, fluyeron los montes delante de ti.
Y tomaré también de ellos para sacerdotes y Levitas, dice Jehová.
Por tanto entraré aún en juicio con vosotros, dijo Jehová, y con los hijos de vuestros hijos pleitearé.
Y os daré pastores según mi corazón, que os apacienten de ciencia y de inteligencia.
Porque así dijo Jehová: Toda la tierra será asolada; mas no haré consumación.
Oid ahora esto, pueblo necio y sin corazón, que tienen ojos y no ven, que tienen oídos y no oyen:
Y curan el quebrantamiento de la hija de mi pueblo con liviandad, diciendo, Paz, paz; y no hay paz.
¿No ves lo que estos hacen en las ciudades de Judá y en las calles de Jerusalem?
Tu morada es en medio de engaño; de muy engañadores no quisieron conocerme, dice Jehová.
Recoge de las tierras tus mercaderías, la que moras en lugar fuerte.
Y fué á mí segunda vez palabra de Jehová, diciendo:
Enlutóse Judá, y sus puertas se despoblaron: oscureciéronse en tierra, y subió el clamor de Jerusalem.
¿Ha de hacer el hombre dioses para sí? mas ellos no son dioses.
Y descendí á casa del alfarero, y he aquí que él hacía obra sobre la rueda.
Y á la casa del rey de Judádirás: Oid palabra de Jehová.
Porque así el profeta como el sacerdote son fingidos: aun en mi casa hallé su maldad, dice Jehová.
Y pondré sobre vosotros afrenta perpetua, y eterna confusión que nunca borrará el olvido.
Y acabaráse la huída de los pastores, y el escape de los mayorales del rebaño.
Así habló Jehová de los ejércitos, Dios de Israel, diciendo: Quebranté el yugo del rey de Babilonia.
Oid pues palabra de Jehová, vosotros todos los trasportados que eché de Jerusalem á Babilonia.
Porque así ha dicho Jehová: Hemos oído voz de temblor: espanto, y no paz.
Y morarán allí Judá, y también en todas sus ciudades labradores, y los que van con rebaño.
Antes asentaron sus abominaciones en la casa sobre la cual es invocado mi nombre, contaminándola.
Y fué palabra de Jehová á Jeremías, de parte de Jehová, diciendo:
Entonces dijeron los príncipes á Baruch: Ve, y escóndete tú y Jeremías, y nadie sepa dónde estáis.
Mas si no quisieres salir, esta es la palabra que me ha mostrado Jehová:
Y fueron y habitaron en Geruth-chimham, que es cerca de Bethlehem, á fin de partir y meterse en Egipto,
PALABRA de Jehová que fué á Jeremías profeta, contra las gentes.
¡Voz de clamor de Horonaim, destrucción y gran quebrantamiento!
Y sobre Chîriathaim, y sobre Beth-gamul, y sobre Beth-meon,
Porque he aquí que pequeño te he puesto entre las gentes, menospreciado entre los hombres.
Y la Caldea será para presa: todos los que la saquearen, saldrán hartos, dice Jehová.
Y nadie tomará de ti piedra para esquina, ni piedra para cimiento; porque perpetuos asolamientos serás, ha dicho Jehová.
E hizo lo malo en los ojos de Jehová, conforme á todo lo que hizo Joacim.
Guióme y llevóme en tinieblas, mas no en luz.
Como oso que acecha fué para mí, como león en escondrijos.
Y dije: Pereció mi fortaleza, y mi esperanza de Jehová.
Bueno es esperar callando en la salud de Jehová.
Desmenuzar bajo de sus pies todos los encarcelados de la tierra,
Nosotros nos hemos rebelado, y fuimos desleales; tú no perdonaste.
Hasta que Jehová mire y vea desde los cielos.
Abogaste, Señor, la causa de mi alma; redimiste mi vida.
Persíguelos en tu furor, y quebrántalos de debajo de los cielos, oh Jehová.
Al Egipcio y al Asirio dimos la mano, para saciarnos de pan.
Los ancianos cesaron de la puerta, los mancebos de sus canciones.
Porque repeliendo nos has desechado; te has airado contra nosotros en gran manera.
Díjome luego: Hijo del hombre, ve y entra á la casa de Israel, y habla á ellos con mis palabras.
Y los muertos caerán en medio de vosotros; y sabréis que soy Jehová.
Y llevóme á la entrada del atrio, y miré, y he aquí en la pared un agujero.
Los cuales dicen: No será tan presto: edifiquemos casas: ésta será la caldera, y nosotros la carne.
Delante de sus ojos horadarás la pared, y saldrás por ella.
Y fué á mí palabra de Jehová, diciendo:
Y FUÉ á mí palabra de Jehová, diciendo:
Multiplicaste asimismo tu fornicación en la tierra de Canaán y de los Caldeos: ni tampoco con esto te hartaste.
Y FUÉ á mí palabra de Jehová, diciendo:
Y ahora está plantada en el desierto, en tierra de sequedad y de aridez.
Y fué á mí palabra de Jehová, diciendo:
Ponte á una parte, ponte á la diestra, ó ponte á la siniestra, hacia donde tu rostro se determinare.
Y fué á mí palabra de Jehová, diciendo:
Enamoróse de ellos en viéndolos, y envióles mensajeros á la tierra de los Caldeos.
Y díjome el pueblo: ¿No nos enseñarás qué nos significan estas cosas que tú haces?
Y pondrá contra ella arietes, contra tus muros, y tus torres destruirá con sus martillos.
Harán, y Canneh, y Edén, los mercaderes de Seba, de Asiria, y Chilmad, contigo contrataban.
Y fué á mí palabra de Jehová, diciendo:
Haré pues juicios en Egipto y sabrán que yo soy Jehová.
Porque eres tan hermoso, desciende, y yace con los incircuncisos.
Y FUÉ á mí palabra de Jehová, diciendo:
Y FUÉ á mí palabra de Jehová, diciendo:
Y fué á mí palabra de Jehová, diciendo:
Y estará en ellos mi tabernáculo, y seré á ellos por Dios, y ellos me serán por pueblo.
Conforme á su inmundicia y conforme á sus rebeliones hice con ellos: y de ellos escondí mi rostro.
Llevóme luego á la puerta del norte, y midió conforme á estas medidas:
Midió el lado oriental con la caña de medir, quinientas cañas de la caña de medir en derredor.
Y el altar tenía doce codos de largo, y doce de ancho, cuadrado á sus cuatro lados.
Y el príncipe, cuando ellos entraren, él entrará en medio de ellos: y cuando ellos salieren, él saldrá.
Y junto al término de Manasés, desde la parte del oriente hasta la parte de la mar, Ephraim, otra.
Y junto al término de Issachâr, desde la parte del oriente hasta la parte de la mar, Zabulón, otra.
Y fué Daniel hasta el año primero del rey Ciro.
Por esto en el mismo tiempo algunos varones Caldeos se llegaron, y denunciaron de los Judíos,
A cabo de doce meses, andándose paseando sobre el palacio del reino de Babilonia,
PERES: Tu reino fué rompido, y es dado á Medos y Persas.
Entonces habló Daniel con el rey: oh rey, para siempre vive.
Y volví mi rostro al Señor Dios, buscándole en oración y ruego, en ayuno, y cilicio, y ceniza.
Así entrará en el reino el rey del mediodía, y volverá á su tierra.
Pereció el presente y la libación de la casa de Jehová: los sacerdotes ministros de Jehová hicieron luto.
Y aun también sobre los siervos y sobre las siervas derramaré mi Espíritu en aquellos días.
Y meteré fuego en la casa de Hazael, y consumirá los palacios de Benhadad.
Pues he aquí, yo os apretaré en vuestro lugar, como se aprieta el carro lleno de haces;
OID esta palabra, porque yo levanto endecha sobre vosotros, casa de Israel.
Aborrecí, abominé vuestras solemnidades, y no me darán buen olor vuestras asambleas.
Porque he aquí, Jehová mandará, y herirá con hendiduras la casa mayor, y la casa menor con aberturas.
ASÍ me ha mostrado Jehová: y he aquí un canastillo de fruta de verano.
Y vendrán salvadores al monte de Sión para juzgar al monte de Esaú; y el reino será de Jehová.
CARGA de Nínive. Libro de la visión de Nahum de El-kosh.
Sonido de látigo, y estruendo de movimiento de ruedas; y caballo atropellador, y carro saltador;
Luego mudará espíritu, y pasará adelante, y ofenderá atribuyendo esta su potencia á su dios.
Mas Jehová está en su santo templo: calle delante de él toda la tierra.
Con todo, yo me alegraré en Jehová, y me gozaré en el Dios de mi salud.
De esa parte de los ríos de Etiopía, mis suplicantes, la hija de mis esparcidos, me traerán ofrenda.
Por eso se detuvo de los cielos sobre vosotros la lluvia, y la tierra detuvo sus frutos.
Enojóse Jehová con ira contra vuestros padres.
Canta y alégrate, hija de Sión: porque he aquí vengo, y moraré en medio de tí, ha dicho Jehová.
Y respondióme, diciendo: ¿No sabes qué es esto? Y dije: Señor mío, no.
Cuando fué enviado á la casa de Dios, Saraser, con Regem-melech y sus hombres, á implorar el favor de Jehová,
Y fué á mí palabra de Jehová de los ejércitos, diciendo:
Así ha dicho Jehová mi Dios: Apacienta las ovejas de la matanza;
Y acontecerá que en ese día no habrá luz clara, ni oscura.
Malditos sois con maldición, porque vosotros, la nación toda, me habéis robado.
Y Ozías engendró á Joatam: y Joatam engendró á Achâz: y Achâz engendró á Ezechîas:
Todo esto aconteció para que se cumpliese lo que fué dicho por el Señor, por el profeta que dijo:
Entonces fué cumplido lo que se había dicho por el profeta Jeremías, que dijo:
Entonces Jesús vino de Galilea á Juan al Jordán, para ser bautizado de él.
Y dícele: Todo esto te daré, si postrado me adorares.
Y ellos, dejando luego el barco y á su padre, le siguieron.
Bienaventurados los de limpio corazón: porque ellos verán á Dios.
Mas yo os digo: No juréis en ninguna manera: ni por el cielo, porque es el trono de Dios;
Mas cuando tú haces limosna, no sepa tu izquierda lo que hace tu derecha;
Mas tú, cuando ayunas, unge tu cabeza y lava tu rostro;
Pedid, y se os dará; buscad, y hallaréis; llamad, y se os abrirá.
Todo árbol que no lleva buen fruto, córtase y échase en el fuego.
Y entrando Jesús en Capernaum, vino á él un centurión, rogándole,
Y Jesús le dijo: Sígueme; deja que los muertos entierren á sus muertos.
Y viendo Jesús sus pensamientos, dijo: ¿Por qué pensáis mal en vuestros corazones?
Díceles: Apartaos, que la muchacha no es muerta, mas duerme. Y se burlaban de él.
Entonces dice á sus discípulos: A la verdad la mies es mucha, mas los obreros pocos.
Y entrando en la casa, saludadla.
Y el que no toma su cruz, y sigue en pos de mí, no es digno de mí.
Porque todos los profetas y la ley hasta Juan profetizaron.
Pues os digo que uno mayor que el templo está aquí.
No contenderá, ni voceará: ni nadie oirá en las calles su voz.
Entonces respondieron algunos de los escribas y de los Fariseos, diciendo: Maestro, deseamos ver de ti señal.
Y parte cayó en espinas; y las espinas crecieron, y la ahogaron.
Y como la hierba salió é hizo fruto, entonces apareció también la cizaña.
Díceles Jesús: ¿Habéis entendido todas estas cosas? Ellos responden: Sí, Señor.
Y prometió él con juramento de darle todo lo que pidiese.
Y los que comieron fueron como cinco mil hombres, sin las mujeres y los niños.
Y llegando á la otra parte, vinieron á la tierra de Genezaret.
Y respondiendo Pedro, le dijo: Decláranos esta parábola.
Entonces ella vino, y le adoró, diciendo: Señor, socórreme.
Y LLEGÁNDOSE los Fariseos y los Saduceos para tentarle, le pedían que les mostrase señal del cielo.
Y ellos dijeron: Unos, Juan el Bautista; y otros, Elías; y otros, Jeremías, ó alguno de los profetas.
Entonces sus discípulos le preguntaron, diciendo: ¿Por qué dicen pues los escribas que es menester que Elías venga primero?
Y le matarán; mas al tercer día resucitará. Y ellos se entristecieron en gran manera.
Jesús le dice: No te digo hasta siete, mas aun hasta setenta veces siete.
Dícenle: ¿Por qué, pues, Moisés mandó dar carta de divorcio, y repudiarla?
Y mirándolos Jesús, les dijo: Para con los hombres imposible es esto; mas para con Dios todo es posible.
Y tomándolo, murmuraban contra el padre de la familia,
Entonces Jesús, teniendo misericordia de ellos, les tocó los ojos, y luego sus ojos recibieron la vista; y le siguieron.
Entonces vinieron á él ciegos y cojos en el templo, y los sanó.
Y cuando se acercó el tiempo de los frutos, envió sus siervos á los labradores, para que recibiesen sus frutos.
Y RESPONDIENDO Jesús, les volvió á hablar en parábolas, diciendo:
Y le dijo: Amigo, ¿cómo entraste aquí no teniendo vestido de boda? Mas él cerró la boca.
Aquel día llegaron á él los Saduceos, que dicen no haber resurrección, y le preguntaron,
Y preguntó uno de ellos, intérprete de la ley, tentándole y diciendo:
Pues si David le llama Señor, ¿cómo es su Hijo?
¡Insensatos y ciegos! porque ¿cuál es mayor, el oro, ó el templo que santifica al oro?
De cierto os digo que todo esto vendrá sobre esta generación.
Mas el que perseverare hasta el fin, éste será salvo.
Porque donde quiera que estuviere el cuerpo muerto, allí se juntarán las águilas.
Velad pues, porque no sabéis á qué hora ha de venir vuestro Señor.
Mas las prudentes tomaron aceite en sus vasos, juntamentecon sus lámparas.
Y el que había recibido cinco talentos se fué, y granjeó con ellos, é hizo otros cinco talentos.
¿Y cuándo te vimos huésped, y te recogimos? ¿ó desnudo, y te cubrimos?
Porque esto se podía vender por gran precio, y darse á los pobres.
Y entristecidos ellos en gran manera, comenzó cada uno de ellos á decirle: ¿Soy yo, Señor?
Entonces Jesús les dice: Mi alma está muy triste hasta la muerte; quedaos aquí, y velad conmigo.
¿Cómo, pues, se cumplirían las Escrituras, que así conviene que sea hecho?
Y arrojando las piezas de plata en el templo, partióse; y fué, y se ahorcó.
Y tenían entonces un preso famoso que se llamaba Barrabás.
Y desnudándole, le echaron encima un manto de grana;
Y desde la hora de sexta fueron tinieblas sobre toda la tierra hasta la hora de nona.
Y tomando José el cuerpo, lo envolvió en una sábana limpia,
Y si esto fuere oído del presidente, nosotros le persuadiremos, y os haremos seguros.
Y aconteció que ejerciendo Zacarías el sacerdocio delante de Dios por el orden de su vez,
Y después de aquellos días concibió su mujer Elisabet, y se encubrió por cinco meses, diciendo:
Y entró en casa de Zacarías, y saludó á Elisabet.
A los hambrientos hinchió de bienes; y á los ricos envió vacíos.
Y hablaron por señas á su padre, cómo le quería llamar.
En santidad y en justicia delante de él, todos los días nuestros.
Y había pastores en la misma tierra, que velaban y guardaban las vigilias de la noche sobre su ganado.
Entonces él le tomó en sus brazos, y bendijo á Dios, y dijo:
Y cuando fué de doce años, subieron ellos á Jerusalem conforme á la costumbre del día de la fiesta.
Y él les dijo: No exijáis más de lo que os está ordenado.
Que fué de Melea, que fué de Mainán, que fué de Mattatha, que fué de Nathán,
Porque escrito está: Que á sus ángeles mandará de ti, que te guarden;
Y dijo: De cierto os digo, que ningún profeta es acepto en su tierra.
Y habiéndolo hecho, encerraron gran multitud de pescado, que su red se rompía.
Y respondiendo Jesús, les dijo: Los que están sanos no necesitan médico, sino los que están enfermos.
A Simón, al cual también llamó Pedro, y á Andrés su hermano, Jacobo y Juan, Felipe y Bartolomé,
Bendecid á los que os maldicen, y orad por los que os calumnian.
Todo aquel que viene á mí, y oye mis palabras, y las hace, os enseñaré á quién es semejante:
Entonces se incorporó el que había muerto, y comenzó á hablar. Y dióle á su madre.
Un acreedor tenía dos deudores: el uno le debía quinientos denarios, y el otro cincuenta;
Y otra parte cayó sobre la piedra; y nacida, se secó, porque no tenía humedad.
Y le rogaban que no les mandase ir al abismo.
Y hacían burla de él, sabiendo que estaba muerta.
Y otros: Elías ha aparecido; y otros: Algún profeta de los antiguos ha resucitado.
Que aparecieron en majestad, y hablaban de su salida, la cual había de cumplir en Jerusalem.
Entonces volviéndose él, los reprendió, diciendo: Vosotros no sabéis de qué espíritu sois;
Y os digo que los de Sodoma tendrán más remisión aquel día, que aquella ciudad.
Mas él, queriéndose justificar á sí mismo, dijo á Jesús: ¿Y quién es mi prójimo?
Porque un amigo mío ha venido á mí de camino, y no tengo qué ponerle delante;
Y él dijo: Antes bienaventurados los que oyen la palabra de Dios, y la guardan.
Porque nada hay encubierto, que no haya de ser descubierto; ni oculto, que no haya de ser sabido.
Así es el que hace para sí tesoro, y no es rico en Dios.
Estén ceñidos vuestros lomos, y vuestras antorchas encendidas;
Porque estarán de aquí adelante cinco en una casa divididos; tres contra dos, y dos contra tres.
Y como Jesús la vió, llamóla, y díjole: Mujer, libre eres de tu enfermedad.
Y respondiendo Jesús, habló á los doctores de la ley y á los Fariseos, diciendo: ¿Es lícito sanar en sábado?
Y dijo el siervo: Señor, hecho es como mandaste, y aun hay lugar.
Y murmuraban los Fariseos y los escribas, diciendo: Este á los pecadores recibe, y con ellos come.
Y llamando á uno de los criados, preguntóle qué era aquello.
Y dijo: Ruégote pues, padre, que le envíes á la casa de mi padre;
Y entrando en una aldea, viniéronle al encuentro diez hombres leprosos, los cuales se pararon de lejos,
Ni dirán: Helo aquí, ó helo allí: porque he aquí el reino de Dios entre vosotros está.
Diciendo: Había un juez en una ciudad, el cual ni temía á Dios, ni respetaba á hombre.
Y él dijo: Todas estas cosas he guardado desde mi juventud.
Y aconteció que acercándose él á Jericó, un ciego estaba sentado junto al camino mendigando;
Y HABIENDO entradoJesús, iba pasando por Jericó;
Y vino el primero, diciendo: Señor, tu mina ha ganado diez minas.
Y desatando ellos el pollino, sus dueños les dijeron: ¿Por qué desatáis el pollino?
Y no hallaban qué hacerle, porque todo el pueblo estaba suspenso oyéndole.
¿Nos es lícito dar tributo á César, ó no?
Y á la postre de todos murió también la mujer.
Entre tanto que pongo tus enemigos por estrado de tus pies.
Entonces les dijo: Se levantará gente contra gente, y reino contra reino;
Porque estos son días de venganza: para que se cumplan todas las cosas que están escritas.
Porque como un lazo vendrá sobre todos los que habitan sobre la faz de toda la tierra.
Y vino el día de los ázimos, en el cual era necesario matar la pascua.
Con todo eso, he aquí la mano del que me entrega, conmigo en la mesa.
Entonces ellos dijeron: Señor, he aquí dos espadas. Y él les dijo: Basta.
Entonces Jesús le dijo: Judas, ¿con beso entregas al Hijo del hombre?
Diciendo: ¿Eres tú el Cristo? dínos lo. Y les dijo: Si os lo dijere, no creeréis;
Mas ellos porfiaban, diciendo: Alborota al pueblo, enseñando por toda Judea, comenzando desde Galilea hasta aquí.
Le soltaré, pues, castigado.
Entonces comenzarán á decir á los montes: Caed sobre nosotros: y á los collados: Cubridnos.
Entonces Jesús le dijo: De cierto te digo, que hoy estarás conmigo en el paraíso.
Y vueltas, aparejaron drogas aromáticas y ungüentos; y reposaron el sábado, conforme al mandamiento.
E iban hablando entre sí de todas aquellas cosas que habían acaecido.
Y llegaron á la aldea á donde iban: y él hizo como que iba más lejos.
Y él tomó, y comió delante de ellos.
Este era en el principio con Dios.
En el mundo estaba, y el mundo fué hecho por él; y el mundo no le conoció.
Estas cosas acontecieron en Betábara, de la otra parte del Jordán, donde Juan bautizaba.
Y era Felipe de Bethsaida, la ciudad de Andrés y de Pedro.
Y estaba cerca la Pascua de los Judíos; y subió Jesús á Jerusalem.
Y no tenía necesidad que alguien le diese testimonio del hombre; porque él sabía lo que había en el hombre.
Para que todo aquel que en él creyere, no se pierda, sino que tenga vida eterna.
Y lo que vió y oyó, esto testifica: y nadie recibe su testimonio.
Vino una mujer de Samaria á sacar agua: yJesús le dice: Dame de beber.
Dícele Jesús: Yo soy, que hablo contigo.
Viniendo pues los Samaritanos á él, rogáronle que se quedase allí: y se quedó allí dos días.
DESPUÉS de estas cosas, era un día de fiesta de los Judíos, y subió Jesús á Jerusalem.
Y Jesús les respondió: Mi Padre hasta ahora obra, y yo obro.
El era antorcha que ardía y alumbraba: y vosotros quisisteis recrearos por un poco á su luz.
Y subió Jesús á un monte, y se sentó allí con sus discípulos.
Y hallándole de la otra parte de la mar, dijéronle: Rabbí, ¿cuándo llegaste acá?
No que alguno haya visto al Padre, sino aquel que vino de Dios, éste ha visto al Padre.
Estas cosas dijo en la sinagoga, enseñando en Capernaum.
Jesús le respondió: ¿No he escogido yo á vosotros doce, y uno de vosotros es diablo?
Y maravillábanse los Judíos, diciendo: ¿Cómo sabe éste letras, no habiendo aprendido?
Me buscaréis, y no me hallaréis; y donde yo estaré, vosotros no podréis venir.
¿Ha creído en él alguno de los príncipes, ó de los Fariseos?
Dícenle: Maestro, esta mujer ha sido tomada en el mismo hecho, adulterando;
Decían entonces los Judíos: ¿Hase de matar á sí mismo, que dice: A donde yo voy, vosotros no podéis venir?
Y porque yo digo verdad, no me creéis.
Dijéronle entonces los Judíos: Aun no tienes cincuenta años, ¿y has visto á Abraham?
Llevaron á los Fariseos al que antes había sido ciego.
Desde el siglo no fué oído, que abriese alguno los ojos de uno que nació ciego.
Esta parábola les dijo Jesús; mas ellos no entendieron qué era lo que les decía.
Y volvió á haber disensión entre los Judíos por estas palabras.
Entonces volvieron á tomar piedras los Judíos para apedrearle.
Enviaron, pues, sus hermanas á él, diciendo: Señor, he aquí, el que amas está enfermo.
Entonces, pues, Jesús les dijo claramente: Lázaro es muerto;
Dícele Jesús: Resucitará tu hermano.
Jesús le dice: ¿No te he dicho que, si creyeres, verás la gloria de Dios?
Porque á los pobres siempre los tenéis con vosotros, mas á mí no siempre me tenéis.
Vino Felipe, y díjolo á Andrés: Andrés entonces, y Felipe, lo dicen á Jesús.
Estas cosas dijo Isaías cuando vió su gloria, y habló de él.
Dícele Simón Pedro: Señor, no sólo mis pies, mas aun las manos y la cabeza.
A éste, pues, hizo señas Simón Pedro, para que preguntase quién era aquél de quien decía.
NO se turbe vuestro corazón: creéis en Dios, creed también en mí.
En aquel día vosotros conoceréis que yo estoy en mi Padre, y vosotros en mí, y yo en vosotros.
Nadie tiene mayor amor que este, que ponga alguno su vida por sus amigos.
Mas ahora voy al que me envió; y ninguno de vosotros me pregunta: ¿Adónde vas?
Un poquito, y no me veréis; y otra vez un poquito, y me veréis: porque yo voy al Padre.
Y todas mis cosas son tus cosas, y tus cosas son mis cosas: y he sido glorificado en ellas.
Respondió Jesús: Os he dicho que yo soy: pues si á mí buscáis, dejad ir á éstos.
Entonces salió Pilato á ellos fuera, y dijo: ¿Qué acusación traéis contra este hombre?
Así que entonces lo entregó á ellos para que fuese crucificado. Y tomaron á Jesús, y le llevaron.
Y también otra Escritura dice: Mirarán al que traspasaron.
Empero María estaba fuera llorando junto al sepulcro: y estando llorando, bajóse á mirar el sepulcro;
DESPUÉS se manifestó Jesús otra vez á sus discípulos en la mar de Tiberias; y manifestóse de esta manera.
Entonces los que se habían juntado le preguntaron, diciendo: Señor, ¿restituirás el reino á Israel en este tiempo?
¿Cómo, pues, les oímos nosotros hablar cada uno en nuestra lengua en que somos nacidos?
Que no dejarás mi alma en el infierno, ni darás á tu Santo que vea corrupción.
Y vendían las posesiones, y las haciendas, y repartíanlas á todos, como cada uno había menester.
Mas ahora, hermanos, sé que por ignorancia lo habéis hecho, como también vuestros príncipes.
Y viendo al hombre que había sido sanado, que estaba con ellos, no podían decir nada en contra.
Y lo ponían á los pies de los apóstoles; y era repartido á cada uno según que había menester.
Y de los otros, ninguno osaba juntarse con ellos; mas el pueblo los alababa grandemente.
El Dios de nuestros padres levantó á Jesús, al cual vosotros matasteis colgándole en un madero.
Entonces sobornaron á unos que dijesen que le habían oído hablar palabras blasfemas contra Moisés y Dios.
Mas siendo puesto al peligro, la hija de Faraón le tomó, y le crió como á hijo suyo.
Si bien el Altísimo no habita en templos hechos de mano; como el profeta dice:
Entonces Saulo asolaba la iglesia, entrando por las casas: y trayendo hombres y mujeres, los entregaba en la cárcel.
No tienes tú parte ni suerte en este negocio; porque tu corazón no es recto delante de Dios.
Y SAULO, respirando aún amenazas y muerte contra los discípulos del Señor, vino al príncipe de los sacerdotes,
Y luego en las sinagogas predicaba á Cristo, diciendo que éste era el Hijo de Dios.
Y viéronle todos los que habitaban en Lydda y en Sarona, los cuales se convirtieron al Señor.
Y aconteció que le vino una grande hambre, y quiso comer; pero mientras disponían, sobrevínole un éxtasis;
Levántate, pues, y desciende, y no dudes ir con ellos; porque yo los he enviado.
Vosotros sabéis lo que fué divulgado por toda Judea; comenzando desde Galilea después del bautismo que Juan predicó,
Y oí una voz que me decía: Levántate, Pedro, mata y come.
Después partió Bernabé á Tarso á buscar á Saulo; y hallado, le trajo á Antioquía.
Y ellos le dijeron: Estás loca. Mas ella afirmaba que así era. Entonces ellos decían: Su ángel es.
Entonces el procónsul, viendo lo que había sido hecho, creyó, maravillado de la doctrina del Señor.
Y nosotros también os anunciamos el evangelio de aquella promesa que fué hecha á los padres,
Y los discípulos estaban llenos de gozo, y del Espíritu Santo.
Y diciendo estas cosas, apenas apaciguaron el pueblo, para que no les ofreciesen sacrificio.
Y después que hubieron callado, Jacobo respondió, diciendo: Varones hermanos, oidme:
La cual, como leyeron, fueron gozosos de la consolación.
Y como vinieron á Misia, tentaron de ir á Bithynia; mas el Espíritu no les dejó.
Y sacándolos fuera, les dice: Señores, ¿qué es menester que yo haga para ser salvo?
Y alborotaron al pueblo y á los gobernadores de la ciudad, oyendo estas cosas.
Entonces el Señor dijo de noche en visión á Pablo: No temas, sino habla, y no calles:
Oído que hubieron esto, fueron bautizados en el nombre del Señor Jesús.
Oídas estas cosas, llenáronse de ira, y dieron alarido, diciendo: ¡Grande es Diana de los Efesios!
Entonces descendió Pablo, y derribóse sobre él, y abrazándole, dijo: No os alborotéis, que su alma está en él.
Por tanto, yo os protesto el día de hoy, que yo soy limpio de la sangre de todos:
Y abrazándonos los unos á los otros, subimos al barco, y ellos se volvieron á sus casas.
Haz pues esto que te decimos: Hay entre nosotros cuatro hombres que tienen voto sobre sí:
Entonces un Ananías, varón pío conforme á la ley, que tenía buen testimonio de todos los Judíos que allí moraban,
Y los que estaban presentes dijeron: ¿Al sumo sacerdote de Dios maldices?
Y al día siguiente, dejando á los de á caballo que fuesen con él, se volvieron á la fortaleza.
Mas pasados muchos años, vine á hacer limosnas á mi nación, y ofrendas,
Y pasados algunos días, el rey Agripa y Bernice vinieron á Cesarea á saludar á Festo.
Yo entonces dije: ¿Quién eres, Señor? Y el Señor dijo: Yo soy Jesús, á quien tú persigues.
Y haciéndonos á la vela desde allí, navegamos bajo de Cipro, porque los vientos eran contrarios.
Porque esta noche ha estado conmigo el ángel del Dios del cual yo soy, y al cual sirvo,
Entonces el acuerdo de los soldados era que matasen los presos, porque ninguno se fugase nadando.
Y algunos asentían á lo que se decía, mas algunos no creían.
Gracias doy á mi Dios siempre por vosotros, por la gracia de Dios que os es dada en Cristo Jesús;
Para que ninguno diga que habéis sido bautizados en mi nombre.
Para que vuestra fe no esté fundada en sabiduría de hombres, mas en poder de Dios.
Porque nosotros, coadjutores somos de Dios; y vosotros labranza de Dios sois, edificio de Dios sois.
Y vosotros de Cristo; y Cristo de Dios.
Porque el reino de Dios no consiste en palabras, sino en virtud.
Ni los ladrones, ni los avaros, ni los borrachos, ni los maldicientes, ni los robadores, heredarán el reino de Dios.
Cada uno en la vocación en que fué llamado, en ella se quede.
Esta es mi respuesta á los que me preguntan.
Y todos en Moisés fueron bautizados en la nube y en la mar;
Por tanto, amados míos, huid de la idolatría.
La conciencia, digo, no tuya, sino del otro. Pues ¿por qué ha de ser juzgada mi libertad por otra conciencia?
Por lo cual, la mujer debe tener señal de potestad sobre su cabeza, por causa de los ángeles.
Porque cada uno toma antes para comer su propia cena; y el uno tiene hambre, y el otro está embriagado.
Sabéis que cuando erais Gentiles, ibais, como erais llevados, á los ídolos mudos.
Mas ahora Dios ha colocado los miembros cada uno de ellos en el cuerpo, como quiso.
Porque en parte conocemos, y en parte profetizamos;
Por lo cual, el que habla lengua extraña, pida que la interprete.
Y los espíritus de los que profetizaren, sujétense á los profetas;
Después apareció á Jacobo; después á todos los apóstoles.
Si en esta vida solamente esperamos en Cristo, los más miserables somos de todos los hombres.
Sí, por la gloria que en orden á vosotros tengo en Cristo Jesús Señor nuestro, cada día muero.
Así también está escrito: Fué hecho el primer hombre Adam en ánima viviente; el postrer Adam en espíritu vivificante.
Mas á Dios gracias, que nos da la victoria por el Señor nuestro Jesucristo.
Todas vuestras cosas sean hechas con caridad.
Gracia y paz á vosotros de Dios nuestro Padre, y del Señor Jesucristo.
Bástale al tal esta reprensión hecha de muchos;
Porque si lo que perece tuvo gloria, mucho más será en gloria lo que permanece.
Estando atribulados en todo, mas no angustiados; en apuros, mas no desesperamos;
Y ASÍnosotros, comoayudadores juntamente con él, os exhortamos también á que no recibáis en vano la gracia de Dios,
Nuestra boca está abierta á vosotros, oh Corintios: nuestro corazón es ensanchado.
ASIMISMO, hermanos, os hacemos saber la gracia de Dios que ha sido dada á las iglesias de Macedonia:
Evitando que nadie nos vitupere en esta abundancia que ministramos ;
Y estando prestos para castigar toda desobediencia, cuando vuestra obediencia fuere cumplida.
¿Por qué? ¿porque no os amo? Dios lo sabe.
Sin otras cosas además, lo que sobre mí se agolpa cada día, la solicitud de todas las iglesias.
Por lo cual tres veces he rogado al Señor, que se quite de mí.
Para alabanza de la gloria de su gracia, con la cual nos hizo aceptos en el Amado:
Empero Dios, que es rico en misericordia, por su mucho amor con que nos amó,
Que por él los unos y los otros tenemos entrada por un mismo Espíritu al Padre.
Conforme á la determinación eterna, que hizo en Cristo Jesús nuestro Señor:
YO pues, preso en el Señor, os ruego que andéis como es digno de la vocación con que sois llamados;
El que descendió, él mismo es el que también subió sobre todos los cielos para cumplir todas las cosas.)
Ni deis lugar al diablo.
(Porque el fruto del Espíritu es en toda bondad, y justicia, y verdad;)
Por tanto, no seáis imprudentes, sino entendidos de cuál sea la voluntad del Señor.
Para santificarla limpiándola en el lavacro del agua por la palabra,
Por lo demás, hermanos míos, confortaos en el Señor, y en la potencia de su fortaleza.
Doy gracias á mi Dios en toda memoria de vosotros,
Pero los otros por amor, sabiendo que soy puesto por la defensa del evangelio.
Haya, pues, en vosotros este sentir que hubo también en Cristo Jesús:
Porque á ninguno tengo tan unánime, y que con sincera afición esté solícito por vosotros.
Pero las cosas que para mí eran ganancias, helas reputado pérdidas por amor de Cristo.
Todo lo puedo en Cristo que me fortalece.
La gracia de nuestro Señor Jesucristo sea con todos vosotros. Amén. Escrita de Roma con Epafrodito.
En el cual tenemos redención por su sangre, la remisión de pecados:
Porque en él habita toda la plenitud de la divinidad corporalmente:
Cuando Cristo, vuestra vida, se manifestare, entonces vosotros también seréis manifestados con él en gloria.
Maridos, amad á vuestras mujeres, y no seáis desapacibles con ellas.
Para que lo manifieste como me conviene hablar.
En tal manera que habéis sido ejemplo á todos los que han creído en Macedonia y en Acaya.
Que vosotros sois nuestra gloria y gozo.
Que cada uno de vosotros sepa tener su vaso en santificación y honor;
Mas vosotros, hermanos, no estáis en tinieblas, para que aquel día os sobrecoja como ladrón;
Estad siempre gozosos.
Hermanos, orad por nosotros.
Y ahora vosotros sabéis lo que impide, para que á su tiempo se manifieste.
Y tenemos confianza de vosotros en el Señor, que hacéis y haréis lo que os hemos mandado.
Queriendo ser doctores de la ley, sin entender ni lo que hablan, ni lo que afirman.
El cual quiere que todos los hombres sean salvos, y que vengan al conocimiento de la verdad.
Y Adam no fué engañado, sino la mujer, siendo seducida, vino á ser envuelta en transgresión:
Los diáconos asimismo, deben ser honestos, no bilingües, no dados á mucho vino, no amadores de torpes ganancias;
Porque por la palabra de Dios y por la oración es santificado.
Honra á las viudas que en verdad son viudas.
A los que pecaren, repréndelos delante de todos, para que los otros también teman.
A Timoteo, amado hijo: Gracia, misericordia, ypaz de Dios el Padre y de Jesucristo nuestro Señor.
Tú pues, sufre trabajos como fiel soldado de Jesucristo.
Si fuéremos infieles, él permanece fiel: no se puede negar á sí mismo.
Que habrá hombres amadores de sí mismos, avaros, vanagloriosos, soberbios, detractores, desobedientes á los padres, ingratos, sin santidad,
Mas los malos hombres y los engañadores, irán de mal en peor, engañando y siendo engañados.
Procura venir presto á mí:
Erasto se quedó en Corinto; y á Trófimo dejé en Mileto enfermo.
Que los viejos sean templados, graves, prudentes, sanos en la fe, en la caridad, en la paciencia.
Que á nadie infamen, que no sean pendencieros, sinomodestos, mostrando toda mansedumbre para con todos los hombres.
Gracia á vosotros y paz de Dios nuestro Padre, y del Señor Jesucristo.
Así que, si me tienes por compañero, recíbele como á mí.
Y ciertamente de los ángeles dice: El que hace á sus ángeles espíritus, y á sus ministros llama de fuego.
Y librar á los que por el temor de la muerte estaban por toda la vida sujetos á servidumbre.
Donde me tentaron vuestros padres; me probaron, y vieron mis obras cuarenta años.
Y otra vez aquí: No entrarán en mi reposo.
Y aunque era Hijo, por lo que padeció aprendió la obediencia;
Que no os hagáis perezosos, mas imitadores de aquellos que por la fe y la paciencia heredan las promesas.
Porque aun estaba en los lomos de su padre cuando Melchîsedec le salió al encuentro.
Y los otros cierto fueron muchos sacerdotes, en cuanto por la muerte no podían permanecer.
Porque donde hay testamento, necesario es que intervenga muerte del testador.
Holocaustos y expiaciones por el pecado no te agradaron.
Así que, hermanos, teniendo libertad para entrar en el santuario por la sangre de Jesucristo,
Porque la paciencia os es necesaria; para que, habiendo hecho la voluntad de Dios, obtengáis la promesa.
Por fe Moisés, hecho ya grande, rehusó ser llamado hijo de la hija de Faraón;
Y todos éstos, aprobados por testimonio de la fe, no recibieron la promesa;
Que ninguno sea fornicario, ó profano, como Esaú, que por una vianda vendió su primogenitura.
Por lo cual también Jesús, para santificar al pueblo por su propia sangre, padeció fuera de la puerta.
Hermanos míos, tened por sumo gozo cuando cayereis en diversas tentaciones;
Y la concupiscencia, después que ha concebido, pare el pecado: y el pecado, siendo cumplido, engendra muerte.
¿No blasfeman ellos el buen nombre que fué invocado sobre vosotros?
¿Mas quieres saber, hombre vano, que la fe sin obras es muerta?
De una misma boca proceden bendición y maldición. Hermanos míos, no conviene que estas cosas sean así hechas.
Mas él da mayor gracia. Por esto dice: Dios resiste á los soberbios, y da gracia á los humildes.
EA ya ahora, oh ricos, llorad aullando por vuestras miserias que os vendrán.
Hermanos, si alguno de entre vosotros ha errado de la verdad, y alguno le convirtiere,
Mas la palabra del Señor permanece perpetuamente. Y esta es la palabra que por el evangelio os ha sido anunciada.
Como libres, y no como teniendo la libertad por cobertura de malicia, sino como siervos de Dios.
¿Y quién es aquel que os podrá dañar, si vosotros seguís el bien?
Y cuando apareciere el Príncipe de los pastores, vosotros recibiréis la corona incorruptible de gloria.
Y en el temor de Dios, amor fraternal, y en el amor fraternal caridad.
Sabiendo primero esto, que en los postrimeros días vendrán burladores, andando según sus propias concupiscencias,
EL anciano al muy amado Gaio, al cual yo amo en verdad.
De la misma manera también estos soñadores amancillan la carne, y menosprecian la potestad, y vituperan las potestades superiores.
